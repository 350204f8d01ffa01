package dev.funnel.backend.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.funnel.backend.whatsapp.TemplateMessage.ButtonType;
import dev.funnel.backend.whatsapp.TemplateMessage.ButtonValue;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The message bodies as Meta's reference gives them (WHATSAPP.md, "Sending"). */
class GraphPayloadsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aTemplateCarriesItsHeaderBodyAndButtonParameters() throws Exception {
        TemplateMessage template = new TemplateMessage("order_update", "en_US", List.of("Order 42"),
                List.of("Priya", "Friday"),
                List.of(new ButtonValue(ButtonType.URL, 0, "track/42"), new ButtonValue(ButtonType.QUICK_REPLY, 1,
                        "STOP_UPDATES")));

        JsonNode body = JSON.valueToTree(GraphPayloads.template("4915112345678", template, null));

        assertThat(body).isEqualTo(JSON.readTree("""
                {"messaging_product":"whatsapp","recipient_type":"individual","to":"4915112345678",
                 "type":"template","template":{"name":"order_update","language":{"code":"en_US"},"components":[
                   {"type":"header","parameters":[{"type":"text","text":"Order 42"}]},
                   {"type":"body","parameters":[{"type":"text","text":"Priya"},{"type":"text","text":"Friday"}]},
                   {"type":"button","sub_type":"url","index":"0","parameters":[{"type":"text","text":"track/42"}]},
                   {"type":"button","sub_type":"quick_reply","index":"1",
                    "parameters":[{"type":"payload","payload":"STOP_UPDATES"}]}]}}"""));
    }

    @Test
    void aTemplateWithoutPlaceholdersHasNoComponents() {
        JsonNode body = JSON.valueToTree(GraphPayloads.template("4915112345678",
                new TemplateMessage("hello_world", "en_US", List.of(), List.of(), List.of()), null));

        assertThat(body.path("template").has("components")).isFalse();
        assertThat(body.path("template").path("name").asText()).isEqualTo("hello_world");
    }

    @Test
    void aReplyNamesTheQuotedMessageInItsContext() throws Exception {
        JsonNode body = JSON.valueToTree(GraphPayloads.text("4915112345678", "Yes, we do!", "wamid.LEAD1"));

        assertThat(body).isEqualTo(JSON.readTree("""
                {"messaging_product":"whatsapp","recipient_type":"individual","to":"4915112345678","type":"text",
                 "text":{"preview_url":false,"body":"Yes, we do!"},"context":{"message_id":"wamid.LEAD1"}}"""));
    }

    @Test
    void aReadReceiptShowsTheTypingIndicator() throws Exception {
        JsonNode body = JSON.valueToTree(GraphPayloads.readWithTyping("wamid.LEAD1"));

        assertThat(body).isEqualTo(JSON.readTree("""
                {"messaging_product":"whatsapp","status":"read","message_id":"wamid.LEAD1",
                 "typing_indicator":{"type":"text"}}"""));
    }
}
