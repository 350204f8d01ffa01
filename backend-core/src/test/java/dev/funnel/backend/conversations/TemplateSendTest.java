package dev.funnel.backend.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.funnel.backend.testing.ApiClient;
import dev.funnel.backend.testing.RecordingGraphServer;
import dev.funnel.backend.testing.SoloStack;
import dev.funnel.backend.testing.TemplateFixtures;
import dev.funnel.backend.testing.Waits;
import dev.funnel.backend.testing.Webhooks;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A person writing to a lead whose 24-hour window has closed: free text is refused, an approved template goes. */
class TemplateSendTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String PHONE_NUMBER_ID = "5554550000001";

    private static SoloStack stack;
    private static ApiClient api;
    private static RecordingGraphServer graph;
    private static JsonNode approved;

    @BeforeAll
    static void start(@TempDir Path dataDir) {
        // the bot's turn waits long enough for the tests to take each conversation over first
        stack = SoloStack.start(dataDir, "Window Co", "window-secret", PHONE_NUMBER_ID,
                Map.of("FUNNEL_DEBOUNCE_MS", "60000"));
        api = stack.api();
        graph = stack.graph();
        approved = TemplateFixtures.approved(api, graph, "order_update");
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    /** A lead who wrote {@code hoursAgo} hours ago, whose conversation a person has taken over; returns its id. */
    private static String takenOver(String from, long hoursAgo) {
        long writtenAt = Instant.now().minus(Duration.ofHours(hoursAgo)).getEpochSecond();
        assertThat(stack.post(Webhooks.text(PHONE_NUMBER_ID, from, "wamid.in." + from, writtenAt, "Hello?")))
                .isEqualTo(200);
        Waits.until("the lead's conversation", WAIT, () -> conversationOf(from) != null);
        String id = conversationOf(from);
        assertThat(api.post("/conversations/" + id + "/takeover", "{}").status()).isEqualTo(200);
        return id;
    }

    private static String conversationOf(String phone) {
        return stack.text("SELECT c.id FROM conversations c JOIN leads l ON l.id = c.lead_id WHERE l.phone = '"
                + phone + "'");
    }

    private static String templateSend(String conversationId, String template, String parameters) {
        return """
                {"conversation_id":"%s","template":{%s,"parameters":%s}}"""
                .formatted(conversationId, template, parameters);
    }

    private static final String ALL_PARAMETERS = """
            {"header":["Priya"],"body":["#2001","Friday"],"buttons":["2001"]}""";

    @Test
    void freeTextIsRefusedOnceTheWindowHasClosed() {
        String id = takenOver("4915300000001", 25);
        int sendsBefore = graph.sendCount();

        ApiClient.Response r = api.post("/messages/send",
                "{\"conversation_id\":\"%s\",\"content\":\"Still interested?\"}".formatted(id));

        assertThat(r.status()).isEqualTo(409);
        assertThat(r.body().path("error").asText()).contains("window closed — send an approved template");
        assertThat(graph.sendCount()).isEqualTo(sendsBefore);
        assertThat(stack.count("SELECT COUNT(*) FROM messages WHERE conversation_id = '" + id
                + "' AND message_from = 'human'")).isZero();
    }

    @Test
    void anApprovedTemplateIsSentWithItsValuesOnceTheWindowHasClosed() {
        String id = takenOver("4915300000002", 30);

        ApiClient.Response sent = api.post("/messages/send", templateSend(id,
                "\"name\":\"order_update\",\"language\":\"en_US\"", ALL_PARAMETERS));

        assertThat(sent.status()).as(sent.body().toString()).isEqualTo(201);
        assertThat(sent.body().path("status").asText()).isEqualTo("sent");
        assertThat(sent.body().path("message_type").asText()).isEqualTo("template");
        assertThat(sent.body().path("content").asText())
                .isEqualTo("Hello Priya\nYour order #2001 ships on Friday.\nReply STOP to opt out");
        RecordingGraphServer.Call call = graph.sends().stream()
                .filter(c -> c.body().path("to").asText().equals("4915300000002")).findFirst().orElseThrow();
        assertThat(call.path()).isEqualTo("/v24.0/" + PHONE_NUMBER_ID + "/messages");
        JsonNode template = call.body().path("template");
        assertThat(call.body().path("type").asText()).isEqualTo("template");
        assertThat(template.path("name").asText()).isEqualTo("order_update");
        assertThat(template.path("language").path("code").asText()).isEqualTo("en_US");
        assertThat(template.path("components").get(0).path("type").asText()).isEqualTo("header");
        assertThat(template.path("components").get(0).path("parameters").get(0).path("text").asText())
                .isEqualTo("Priya");
        assertThat(template.path("components").get(1).path("parameters")).extracting(p -> p.path("text").asText())
                .containsExactly("#2001", "Friday");
        JsonNode button = template.path("components").get(2);
        assertThat(button.path("sub_type").asText()).isEqualTo("url");
        assertThat(button.path("index").asText()).isEqualTo("1");
        assertThat(button.path("parameters").get(0).path("text").asText()).isEqualTo("2001");
        assertThat(stack.text("SELECT wa_message_id FROM messages WHERE id = '" + sent.body().path("id").asText()
                + "'")).startsWith("wamid.OUT");
    }

    @Test
    void aTemplateIsFoundByItsIdToo() {
        String id = takenOver("4915300000003", 26);

        ApiClient.Response sent = api.post("/messages/send", templateSend(id,
                "\"id\":\"" + approved.path("id").asText() + "\"", ALL_PARAMETERS));

        assertThat(sent.status()).isEqualTo(201);
        assertThat(stack.count("SELECT COUNT(*) FROM audit_log WHERE action = 'message.template_sent' AND entity_id = '"
                + sent.body().path("id").asText() + "'")).isEqualTo(1);
    }

    @Test
    void missingValuesAreRefusedNamingWhatEachPartNeeds() {
        String id = takenOver("4915300000004", 27);

        ApiClient.Response r = api.post("/messages/send", templateSend(id,
                "\"name\":\"order_update\",\"language\":\"en_US\"", "{\"body\":[\"#2001\"]}"));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().path("error").asText()).contains(
                "template.parameters.header needs 1 value(s) for {{1}}; 0 given",
                "template.parameters.body needs 2 value(s) for {{1}}..{{2}}; 1 given",
                "template.parameters.buttons needs 1 value(s), one per URL button ending in {{1}}; 0 given");
    }

    @Test
    void aTemplateMetaHasNotApprovedIsRefused() {
        String id = takenOver("4915300000005", 28);
        TemplateFixtures.created(api, "still_draft");

        ApiClient.Response r = api.post("/messages/send", templateSend(id,
                "\"name\":\"still_draft\",\"language\":\"en_US\"", ALL_PARAMETERS));

        assertThat(r.status()).isEqualTo(409);
        assertThat(r.body().path("error").asText()).contains("Only an APPROVED template", "DRAFT");
    }

    @Test
    void anotherOrganisationCannotSendIntoTheConversation() {
        String id = takenOver("4915300000006", 29);
        ApiClient other = new ApiClient(stack.backend().baseUri());
        other.signUp("Other Window Co", "other@window.test");

        ApiClient.Response theirs = other.post("/messages/send", templateSend(id,
                "\"name\":\"order_update\",\"language\":\"en_US\"", ALL_PARAMETERS));

        assertThat(theirs.status()).isEqualTo(404);
    }

    @Test
    void freeTextStillGoesWhileTheWindowIsOpen() {
        String id = takenOver("4915300000007", 1);

        ApiClient.Response sent = api.post("/messages/send",
                "{\"conversation_id\":\"%s\",\"content\":\"Yes, we deliver.\"}".formatted(id));

        assertThat(sent.status()).isEqualTo(201);
        assertThat(sent.body().path("message_type").asText()).isEqualTo("text");
    }
}
