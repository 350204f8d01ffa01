package dev.funnel.backend.webhook;

import static dev.funnel.backend.webhook.Bodies.message;
import static dev.funnel.backend.webhook.Bodies.messages;
import static dev.funnel.backend.webhook.Bodies.only;
import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.backend.webhook.MessageContent.ButtonReply;
import dev.funnel.backend.webhook.MessageContent.ContactCard;
import dev.funnel.backend.webhook.MessageContent.Contacts;
import dev.funnel.backend.webhook.MessageContent.Edit;
import dev.funnel.backend.webhook.MessageContent.InteractiveReply;
import dev.funnel.backend.webhook.MessageContent.Location;
import dev.funnel.backend.webhook.MessageContent.Media;
import dev.funnel.backend.webhook.MessageContent.Order;
import dev.funnel.backend.webhook.MessageContent.OrderItem;
import dev.funnel.backend.webhook.MessageContent.Other;
import dev.funnel.backend.webhook.MessageContent.Reaction;
import dev.funnel.backend.webhook.MessageContent.RequestWelcome;
import dev.funnel.backend.webhook.MessageContent.Revoke;
import dev.funnel.backend.webhook.MessageContent.SystemEvent;
import dev.funnel.backend.webhook.MessageContent.Text;
import dev.funnel.backend.webhook.MessageContent.Unsupported;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each WhatsApp message type becomes its typed content; real bodies where the fixtures have one. */
class MessageContentTest {

    private static MessageContent fixture(String name) {
        return only(Fixtures.bytes(name)).content();
    }

    private static MessageContent inline(String type, String details) {
        return only(messages(message("wamid.X", type, details))).content();
    }

    @Test
    void readsText() {
        assertThat(fixture("text__pywa_ad_referral.json")).isEqualTo(new Text("BODY"));
    }

    @Test
    void readsAnImageWithItsDownloadUrl() {
        assertThat(fixture("image__pywa_with_media_url.json")).isEqualTo(new Media("image", "65463453", "image/jpeg",
                "4654+8g=", null, null, false,
                "https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=65463453&source=webhook&ext=487r9re&hash=heiwchueowbcew-dnedcw"));
    }

    @Test
    void tellsAVoiceNoteFromAForwardedAudio() {
        Media forwarded = (Media) fixture("audio__pywa_forwarded_not_voice.json");
        Media voice = (Media) inline("audio", "{\"id\": \"M1\", \"mime_type\": \"audio/ogg; codecs=opus\", \"voice\": true}");

        assertThat(forwarded.voice()).isFalse();
        assertThat(voice.voice()).isTrue();
    }

    @Test
    void readsADocumentWithCaptionAndFilenameAndAStickerAndAVideo() {
        assertThat(inline("document", "{\"id\": \"D\", \"caption\": \"Q3\", \"filename\": \"q3.pdf\", \"mime_type\": \"application/pdf\"}"))
                .isEqualTo(new Media("document", "D", "application/pdf", null, "Q3", "q3.pdf", false, null));
        assertThat(inline("sticker", "{\"id\": \"S\", \"mime_type\": \"image/webp\", \"animated\": false}"))
                .isEqualTo(new Media("sticker", "S", "image/webp", null, null, null, false, null));
        assertThat(inline("video", "{\"id\": \"V\"}")).isEqualTo(new Media("video", "V", null, null, null, null, false, null));
    }

    @Test
    void readsANamedLocation() {
        assertThat(fixture("location__pywa_named_place.json")).isEqualTo(new Location(37.4611978, -122.2164385,
                "Facebook HQ", "1 Hacker Way, Menlo Park, CA 94025", "https://maps.google.com/?cid=2000000000000000000"));
    }

    @Test
    void readsCoordinatesGivenAsStrings() {
        assertThat(inline("location", "{\"latitude\": \"52.52\", \"longitude\": \"13.405\"}"))
                .isEqualTo(new Location(52.52, 13.405, null, null, null));
    }

    @Test
    void readsEveryContactCard() {
        Contacts contacts = (Contacts) fixture("contacts__pywa_three_cards.json");

        assertThat(contacts.cards()).extracting(ContactCard::formattedName)
                .containsExactly("Chandler Bing", "Monica", "Rachel Green");
        assertThat(contacts.cards().getFirst().phones()).containsExactly("+1 555-555-5555");
    }

    @Test
    void readsAContactCardsEmailsAndCompanyAndNamesItFromItsParts() {
        Contacts contacts = (Contacts) inline("contacts", "[]");
        assertThat(contacts.cards()).isEmpty();

        MessageContent card = only(messages("""
                {"from": "1", "id": "wamid.C", "type": "contacts", "contacts": [{"name": {"first_name": "Ada",
                 "last_name": "Lovelace"}, "emails": [{"email": "ada@example.org"}], "org": {"company": "Engines"},
                 "phones": [{"wa_id": "4412345"}]}]}""")).content();

        assertThat(card).isEqualTo(new Contacts(List.of(
                new ContactCard("Ada Lovelace", List.of("4412345"), List.of("ada@example.org"), "Engines"))));
    }

    @Test
    void readsButtonAndListReplies() {
        assertThat(fixture("interactive_button_reply__pywa.json"))
                .isEqualTo(new InteractiveReply("button_reply", "callback_data", "title", null, null, null));
        assertThat(fixture("interactive_list_reply__pywa_with_description.json"))
                .isEqualTo(new InteractiveReply("list_reply", "callback_data", "title", "description", null, null));
    }

    @Test
    void readsACompletedFlowWithItsAnswers() {
        InteractiveReply flow = (InteractiveReply) fixture("interactive_nfm_reply__pywa_flow_completion.json");

        assertThat(flow.kind()).isEqualTo("nfm_reply");
        assertThat(flow.flowName()).isEqualTo("flow");
        assertThat(flow.title()).isEqualTo("Sent");
        assertThat(flow.flowResponseJson()).startsWith("{\"comment_text\":\"Comment Text\"");
    }

    @Test
    void keepsAnInteractiveMessageThatCarriesNoReply() {
        assertThat(fixture("malformed__pywa_interactive_without_body.json"))
                .isEqualTo(new InteractiveReply(null, null, null, null, null, null));
    }

    @Test
    void readsATemplateQuickReplyButton() {
        assertThat(fixture("button__pywa_no_context_from_user_id.json")).isEqualTo(new ButtonReply("title", "callback_data"));
    }

    @Test
    void readsAReactionAndItsRemoval() {
        assertThat(fixture("reaction__pywa_escaped_emoji.json")).isEqualTo(new Reaction("wamid.yzxyzx=", "\uD83D\uDE2E"));
        assertThat(fixture("reaction__pywa_unreact_no_emoji.json")).isEqualTo(new Reaction("wamid.yzxyzx=", null));
        assertThat(inline("reaction", "{\"message_id\": \"wamid.Y\", \"emoji\": \"\"}")).isEqualTo(new Reaction("wamid.Y", null));
    }

    @Test
    void readsAnOrderWithExactPrices() {
        Order order = (Order) fixture("order__pywa.json");

        assertThat(order.catalogId()).isEqualTo("354160437058781");
        assertThat(order.items()).containsExactly(
                new OrderItem("HAMBURGER", 3, new BigDecimal("30"), "ILS"),
                new OrderItem("FRENCH_FRIES", 2, new BigDecimal("35"), "ILS"),
                new OrderItem("SODA", 2, new BigDecimal("10"), "ILS"));
        assertThat(inline("order", "{\"product_items\": [{\"item_price\": \"12.50\", \"quantity\": \"2\"}, {\"item_price\": 1e400}]}"))
                .isEqualTo(new Order(null, null, List.of(new OrderItem(null, 2, new BigDecimal("12.50"), null),
                        new OrderItem(null, null, null, null))));
    }

    @Test
    void readsSystemNoticesOfANewNumberAndANewIdentity() {
        assertThat(fixture("system__pywa_user_changed_number.json")).isEqualTo(new SystemEvent("user_changed_number",
                "User A changed from 972987654321 to 972912345678", "972912345678", null));
        assertThat(fixture("system__pywa_identity_changed.json")).isEqualTo(new SystemEvent("customer_identity_changed",
                "User identity changed", null, "xyzxyz"));
    }

    @Test
    void readsAnEditWithTheMessageAsItNowReads() {
        Edit edit = (Edit) fixture("edit__pywa_edited_image.json");

        assertThat(edit.originalMessageId()).isEqualTo("wamid.HBgLMTQxMjU1NTA4MjkVAgASGBQzQUNCNjk5RDUwNUZGMUZEM0VBRAA=");
        assertThat(edit.edited()).isEqualTo(new Media("image", "1234567890", "image/jpeg", "a1b2c3d4e5f6...",
                "Updated image caption", null, false, "https://media.example.com/updated-image.jpg"));
    }

    @Test
    void doesNotFollowAnEditInsideAnEdit() {
        String inner = "{\"type\": \"edit\", \"edit\": {\"original_message_id\": \"B\", \"message\": {\"type\": \"text\"}}}";

        assertThat(inline("edit", "{\"original_message_id\": \"A\", \"message\": " + inner + "}")).isEqualTo(new Edit("A", null));
    }

    @Test
    void readsADeletedMessage() {
        assertThat(fixture("revoke__pywa_deleted_message.json")).isEqualTo(new Revoke("<ORIGINAL_WHATSAPP_MESSAGE_ID>"));
    }

    @Test
    void readsUnsupportedAndUnknownMessagesWithTheirErrors() {
        Unsupported unsupported = (Unsupported) fixture("unsupported__pywa_with_unsupported_type.json");
        MessageContent unknown = only(messages("{\"from\": \"1\", \"id\": \"wamid.U\", \"type\": \"unknown\","
                + " \"errors\": [{\"code\": \"131051\", \"title\": \"Unsupported\"}]}")).content();

        assertThat(unsupported.errors()).containsExactly(new ErrorInfo(131051, "Message type unknown",
                "Message type unknown", "Message type is currently not supported."));
        assertThat(unknown).isEqualTo(new Unsupported(List.of(new ErrorInfo(131051, "Unsupported", null, null))));
    }

    @Test
    void readsAWelcomeRequest() {
        assertThat(only(messages("{\"from\": \"1\", \"id\": \"wamid.W\", \"type\": \"request_welcome\"}")).content())
                .isEqualTo(new RequestWelcome());
    }

    @Test
    void keepsATypeItDoesNotKnowAsOtherWithItsRawJson() {
        InboundMessage message = only(messages(message("wamid.N", "hologram", "{\"id\": \"H\"}")));

        assertThat(message.content()).isEqualTo(new Other("hologram"));
        assertThat(message.type()).isEqualTo("hologram");
        assertThat(message.rawJson()).contains("\"hologram\":{\"id\":\"H\"}");
    }

    @Test
    void readsAMessageWithoutAType() {
        InboundMessage message = only(messages("{\"from\": \"1\", \"id\": \"wamid.N\"}"));

        assertThat(message.type()).isNull();
        assertThat(message.content()).isEqualTo(new Other(null));
    }
}
