package dev.funnel.backend.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookParserTest {

    private final WebhookParser parser = new WebhookParser();

    @Test
    void aTextMessageYieldsItsSenderBodyRoutingAndTime() throws IOException {
        List<InboundEvent> events = parser.parse(fixture("text__pywa_ad_referral.json"));

        assertThat(events).hasSize(1);
        InboundEvent event = events.getFirst();
        assertThat(event.phoneNumberId()).isEqualTo("1122334455667");
        assertThat(event.from()).isEqualTo("972987654321");
        assertThat(event.profileName()).isEqualTo("Test Name");
        assertThat(event.waUserId()).isEqualTo("US.13491208655302741918");
        assertThat(event.message().waMessageId()).isEqualTo("wamid.ID");
        assertThat(event.message().type()).isEqualTo("text");
        assertThat(event.message().content()).isEqualTo("BODY");
        assertThat(event.message().waTimestamp()).isEqualTo(Instant.ofEpochSecond(1697045000));
        assertThat(event.message().payloadJson()).contains("\"referral\"");
    }

    @Test
    void anotherMessageTypeIsKeptWithItsType() throws IOException {
        List<InboundEvent> events = parser.parse(fixture("image__pywa_with_media_url.json"));

        assertThat(events).hasSize(1);
        assertThat(events.getFirst().message().type()).isEqualTo("image");
        assertThat(events.getFirst().message().payloadJson()).contains("\"image\"");
    }

    @Test
    void aStatusWebhookHoldsNoLeadMessage() throws IOException {
        assertThat(parser.parse(fixture("status_sent__pywa_biz_opaque_callback_data.json"))).isEmpty();
    }

    @Test
    void everyEntryAndEveryChangeIsRead() {
        String body = """
                {"object":"whatsapp_business_account","entry":[
                 {"id":"1","changes":[{"field":"messages","value":{"metadata":{"phone_number_id":"A"},
                   "messages":[{"from":"1","id":"m1","timestamp":1700000000,"type":"text","text":{"body":"one"}},
                               {"from":"1","id":"m2","timestamp":"1700000001","type":"text","text":{"body":"two"}}]}}]},
                 {"id":"2","changes":[{"field":"messages","value":{"metadata":{"phone_number_id":"B"},
                   "messages":[{"from":"2","id":"m3","timestamp":"1700000002","type":"text","text":{"body":"three"}}]}}]}]}""";

        List<InboundEvent> events = parser.parse(body.getBytes(StandardCharsets.UTF_8));

        assertThat(events).extracting(e -> e.message().content()).containsExactly("one", "two", "three");
        assertThat(events).extracting(InboundEvent::phoneNumberId).containsExactly("A", "A", "B");
        assertThat(events.getFirst().message().waTimestamp()).isEqualTo(Instant.ofEpochSecond(1700000000));
    }

    @Test
    void otherObjectsAreIgnored() {
        assertThat(parser.parse("{\"object\":\"page\",\"entry\":[]}".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void aBodyThatIsNotJsonIsRejected() {
        assertThatThrownBy(() -> parser.parse("not json{".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(WebhookParser.MalformedWebhookException.class)
                .hasMessageContaining("not valid JSON");
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = WebhookParserTest.class.getResourceAsStream("/meta-webhooks/" + name)) {
            return in.readAllBytes();
        }
    }
}
