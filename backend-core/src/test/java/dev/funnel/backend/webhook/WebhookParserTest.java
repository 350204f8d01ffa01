package dev.funnel.backend.webhook;

import static dev.funnel.backend.webhook.Bodies.changeJson;
import static dev.funnel.backend.webhook.Bodies.entry;
import static dev.funnel.backend.webhook.Bodies.envelope;
import static dev.funnel.backend.webhook.Bodies.message;
import static dev.funnel.backend.webhook.Bodies.messages;
import static dev.funnel.backend.webhook.Bodies.only;
import static dev.funnel.backend.webhook.Bodies.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The envelope: objects, entries, changes, fields, and what makes a body unreadable. */
class WebhookParserTest {

    private static final String TEXT = "{\"body\": \"hi\"}";

    @Test
    void readsEveryChangeOfEveryEntry() {
        String value = Bodies.messagesValue(message("wamid.A", "text", TEXT));
        String template = "{\"event\": \"PAUSED\", \"message_template_id\": 7, \"message_template_name\": \"promo\"}";
        byte[] body = envelope(
                entry("WABA-1", changeJson("messages", value), changeJson("account_update", "{}")),
                entry("WABA-2", changeJson("message_template_status_update", template), changeJson("messages", value)));

        ParsedWebhook parsed = parse(body);

        assertThat(parsed.messages()).extracting(InboundMessage::businessAccountId).containsExactly("WABA-1", "WABA-2");
        assertThat(parsed.templateUpdates()).extracting(TemplateStatusUpdate::businessAccountId).containsExactly("WABA-2");
        assertThat(parsed.ignoredFields()).containsExactly("account_update");
    }

    @Test
    void ignoresAnObjectOtherThanWhatsApp() {
        byte[] body = "{\"object\": \"instagram\", \"entry\": [{\"id\": \"1\", \"changes\": [{\"field\": \"messages\", \"value\": {}}]}]}"
                .getBytes(StandardCharsets.UTF_8);

        assertThat(parse(body)).isEqualTo(ParsedWebhook.empty());
    }

    @Test
    void listsEachFieldItDoesNotHandleOnceAndReadsNothingFromIt() {
        String echo = "{\"message_echoes\": [{\"from\": \"1\", \"id\": \"wamid.E\", \"type\": \"text\"}]}";
        byte[] body = envelope(entry("WABA", changeJson("smb_message_echoes", echo), changeJson("account_update", "{}"),
                changeJson("message_template_quality_update", "{}"), changeJson("template_category_update", "{}"),
                changeJson("smb_message_echoes", echo)));

        ParsedWebhook parsed = parse(body);

        assertThat(parsed.isEmpty()).isTrue();
        assertThat(parsed.ignoredFields()).containsExactly("smb_message_echoes", "account_update",
                "message_template_quality_update", "template_category_update");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not json", "{\"object\": ", "[]", "\"text\"", "42", "null", "{} trailing", "{'a': 1}"})
    void rejectsABodyThatIsNotAJsonObject(String body) {
        assertThatThrownBy(() -> parse(body.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedWebhookException.class)
                .hasMessageStartingWith("The webhook body is");
    }

    @Test
    void rejectsInvalidUtf8() {
        byte[] body = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};

        assertThatThrownBy(() -> parse(body)).isInstanceOf(MalformedWebhookException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"object\": \"whatsapp_business_account\"}",
            "{\"object\": \"whatsapp_business_account\", \"entry\": {\"id\": \"1\"}}",
            "{\"object\": \"whatsapp_business_account\", \"entry\": [1, null, \"x\", [], {\"changes\": \"none\"}]}",
            "{\"object\": \"whatsapp_business_account\", \"entry\": [{\"changes\": [{\"field\": 7, \"value\": []}]}]}",
            "{\"object\": \"whatsapp_business_account\", \"entry\": [{\"changes\": [{\"field\": \"messages\", \"value\": [1]}]}]}",
            "{\"object\": \"whatsapp_business_account\", \"entry\": [{\"changes\": [{\"field\": \"messages\", \"value\": {\"messages\": {\"id\": \"x\"}}}]}]}",
            "{\"object\": [\"whatsapp_business_account\"], \"entry\": []}"})
    void toleratesValuesOfTheWrongJsonType(String body) {
        assertThat(parse(body.getBytes(StandardCharsets.UTF_8)).isEmpty()).isTrue();
    }

    @Test
    void skipsAMessageWithoutIdOrSenderAndSaysWhy() {
        // no contacts either, so nothing names the sender
        ParsedWebhook parsed = parse(Bodies.change("messages", "{\"metadata\": {\"phone_number_id\": \"P\"}, \"messages\": ["
                + "{\"type\": \"text\", \"text\": {\"body\": \"no id, no sender\"}},"
                + "\"not an object\","
                + message("wamid.OK", "text", TEXT) + "]}"));

        assertThat(parsed.messages()).extracting(InboundMessage::waMessageId).containsExactly("wamid.OK");
        assertThat(parsed.skipped()).containsExactly(
                "entry[0].changes[0].value.messages[0]: message lacks id, from (and no user id)",
                "entry[0].changes[0].value.messages[1]: message is not a JSON object");
    }

    @Test
    void skipsMessagesThatCannotBeRoutedToOurPhoneNumber() {
        String value = "{\"metadata\": {\"display_phone_number\": \"1555\"}, \"messages\": [" + message("wamid.A", "text", TEXT) + "]}";

        ParsedWebhook parsed = parse(Bodies.change("messages", value));

        assertThat(parsed.messages()).isEmpty();
        assertThat(parsed.skipped()).singleElement().asString().contains("wamid.A", "metadata.phone_number_id");
    }

    @Test
    void keepsAMessageWhoseSenderIsKnownOnlyByUserId() {
        InboundMessage message = only(messages(
                "{\"from_user_id\": \"DE.123\", \"id\": \"wamid.U\", \"timestamp\": 1, \"type\": \"text\", \"text\": {\"body\": \"hi\"}}"));

        assertThat(message.from()).isNull();
        assertThat(message.contactUserId()).isEqualTo("DE.123");
        assertThat(message.profileName()).isEqualTo("Ada");
    }

    @Test
    void readsTheRoutingAndTheSenderFromTheChange() {
        InboundMessage message = only(messages(message("wamid.A", "text", TEXT)));

        assertThat(message.phoneNumberId()).isEqualTo(Bodies.PHONE_NUMBER_ID);
        assertThat(message.displayPhoneNumber()).isEqualTo("15550783881");
        assertThat(message.businessAccountId()).isEqualTo("102290129340398");
        assertThat(message.from()).isEqualTo(Bodies.LEAD);
        assertThat(message.contactWaId()).isEqualTo(Bodies.LEAD);
        assertThat(message.rawJson()).startsWith("{\"from\":\"" + Bodies.LEAD + "\"").contains("\"body\":\"hi\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"1749854575\"", "1749854575", "1749854575.0", "\" 1749854575 \""})
    void readsTimestampsGivenAsStringsOrNumbers(String timestamp) {
        InboundMessage message = only(messages(
                "{\"from\": \"1\", \"id\": \"wamid.T\", \"type\": \"text\", \"timestamp\": " + timestamp + "}"));

        assertThat(message.timestamp()).isEqualTo(Instant.ofEpochSecond(1749854575L));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"soon\"", "1e300", "99999999999999999999999", "-9223372036854775808", "true", "{}", "null"})
    void keepsAMessageWithAnUnreadableTimestampWithoutOne(String timestamp) {
        InboundMessage message = only(messages(
                "{\"from\": \"1\", \"id\": \"wamid.T\", \"type\": \"text\", \"timestamp\": " + timestamp + "}"));

        assertThat(message.timestamp()).isNull();
    }

    @Test
    void takesTheProfileOfTheContactMatchingTheSender() {
        String value = "{\"metadata\": {\"phone_number_id\": \"P\"}, \"contacts\": ["
                + "{\"profile\": {\"name\": \"Bob\"}, \"wa_id\": \"2\"}, {\"profile\": {\"name\": \"Ada\"}, \"wa_id\": \"1\"}],"
                + "\"messages\": [{\"from\": \"1\", \"id\": \"wamid.1\", \"type\": \"text\"},"
                + " {\"from\": \"3\", \"id\": \"wamid.3\", \"type\": \"text\"}]}";

        ParsedWebhook parsed = parse(Bodies.change("messages", value));

        assertThat(parsed.messages()).extracting(InboundMessage::profileName).containsExactly("Ada", null);
    }

    @Test
    void readsContextAndReferral() {
        InboundMessage message = only(messages("""
                {"from": "1", "id": "wamid.R", "type": "text", "text": {"body": "I saw your ad"},
                 "context": {"from": "15550783881", "id": "wamid.OURS", "forwarded": true},
                 "referral": {"source_url": "https://fb.me/ad", "source_id": "AD1", "source_type": "ad",
                              "headline": "Sale", "body": "50% off", "media_type": "image",
                              "image_url": "https://img", "ctwa_clid": "CLID"}}"""));

        assertThat(message.context()).isEqualTo(new MessageContext("15550783881", "wamid.OURS", true, null));
        assertThat(message.referral()).isEqualTo(new Referral("https://fb.me/ad", "AD1", "ad", "Sale", "50% off",
                "image", "https://img", null, null, "CLID"));
    }

    @Test
    void toleratesHugeNumbersAndDeepNestingInsideAMessage() {
        String deep = "[".repeat(900) + "]".repeat(900);
        InboundMessage message = only(messages("{\"from\": 12345678901234567890123456789, \"id\": \"wamid.H\","
                + " \"type\": \"text\", \"text\": {\"body\": 1e999999}, \"extra\": " + deep + "}"));

        assertThat(message.from()).isEqualTo("12345678901234567890123456789");
        assertThat(message.content()).isEqualTo(new MessageContent.Text(null));
        assertThat(message.rawJson()).contains(deep);
    }

    @Test
    void rejectsNestingBeyondWhatTheJsonReaderAllows() {
        byte[] body = ("{\"object\": " + "[".repeat(5000) + "]".repeat(5000) + "}").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> parse(body)).isInstanceOf(MalformedWebhookException.class)
                .hasMessageContaining("nesting depth");
    }
}
