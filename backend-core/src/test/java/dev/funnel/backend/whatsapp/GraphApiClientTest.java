package dev.funnel.backend.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.funnel.backend.testing.RecordingGraphServer;
import dev.funnel.backend.whatsapp.TemplateMessage.ButtonType;
import dev.funnel.backend.whatsapp.TemplateMessage.ButtonValue;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against the recording Graph server on loopback. */
class GraphApiClientTest {

    private static final String NUMBER = "5550007654321";

    private RecordingGraphServer graph;
    private GraphApiClient client;

    @BeforeEach
    void start() throws Exception {
        graph = RecordingGraphServer.start();
        client = new GraphApiClient(graph.baseUrl(),
                new SendConfig(80, new Backoff(3, Duration.ofMillis(1), Duration.ofSeconds(1))));
    }

    @AfterEach
    void stop() {
        graph.close();
    }

    @Test
    void aTemplateGoesToTheNumbersMessagesWithItsParameters() {
        TemplateMessage template = new TemplateMessage("appointment_reminder", "de", List.of(),
                List.of("Priya", "10:30"), List.of(new ButtonValue(ButtonType.QUICK_REPLY, 0, "CONFIRM")));

        String id = client.sendTemplate(NUMBER, "EAAG-token", "4915112345678", template, null);

        RecordingGraphServer.Call call = graph.sends().getFirst();
        assertThat(id).startsWith("wamid.OUT");
        assertThat(call.path()).isEqualTo("/v24.0/" + NUMBER + "/messages");
        assertThat(call.authorization()).isEqualTo("Bearer EAAG-token");
        assertThat(call.body().path("type").asText()).isEqualTo("template");
        assertThat(call.body().path("template").path("language").path("code").asText()).isEqualTo("de");
        assertThat(call.body().path("template").path("components").get(0).path("parameters").get(1)
                .path("text").asText()).isEqualTo("10:30");
        assertThat(call.body().path("template").path("components").get(1).path("sub_type").asText())
                .isEqualTo("quick_reply");
    }

    @Test
    void metasErrorBecomesItsCodeAndAReadableTitle() {
        graph.failNextSends(1, 400, RecordingGraphServer.metaError(131026, "Message undeliverable",
                "Unable to deliver the message."));

        assertThatThrownBy(() -> client.sendText(NUMBER, "EAAG-token", "4915112345678", "Hello", null))
                .isInstanceOfSatisfying(WhatsAppApiException.class, e -> {
                    assertThat(e.code()).isEqualTo("131026");
                    assertThat(e.title()).isEqualTo("Message undeliverable: Unable to deliver the message.");
                    assertThat(e.kind()).isEqualTo(WhatsAppApiException.Kind.PERMANENT);
                });
    }

    @Test
    void aReadReceiptIsTriedOnceAndReportsWhetherMetaConfirmedIt() {
        boolean confirmed = client.markReadAndShowTyping(NUMBER, "EAAG-token", "wamid.LEAD1");
        graph.failNextReads(1, 503, "{}");

        assertThatThrownBy(() -> client.markReadAndShowTyping(NUMBER, "EAAG-token", "wamid.LEAD2"))
                .isInstanceOf(WhatsAppApiException.class);
        assertThat(confirmed).isTrue();
        assertThat(graph.reads()).extracting(c -> c.body().path("message_id").asText())
                .containsExactly("wamid.LEAD1", "wamid.LEAD2");
    }
}
