package dev.funnel.backend.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.backend.RunningBackend;
import dev.funnel.backend.testing.ApiClient;
import dev.funnel.backend.testing.LlmScripts;
import dev.funnel.backend.testing.RecordingGraphServer;
import dev.funnel.backend.testing.ScriptedLlmServer;
import dev.funnel.backend.testing.SoloBackend;
import dev.funnel.backend.testing.Waits;
import dev.funnel.backend.testing.Webhooks;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a bot turn sends to Meta: the lead's message marked read with "typing…" before the answer,
 * and never a text longer than WhatsApp takes.
 */
class BotSendTest {

    private static final String APP_SECRET = "read-receipt-secret";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String REPLY = "We are open until 6 pm.";

    private static ScriptedLlmServer llm;
    private static RecordingGraphServer graph;
    private static RunningBackend backend;

    @BeforeAll
    static void start(@TempDir Path dataDir) throws Exception {
        llm = ScriptedLlmServer.start();
        graph = RecordingGraphServer.start();
        backend = SoloBackend.start(dataDir, Map.of(
                "WHATSAPP_APP_SECRET", APP_SECRET,
                "WHATSAPP_GRAPH_URL", graph.baseUrl().toString(),
                "FUNNEL_DEBOUNCE_MS", "0"));
    }

    @BeforeEach
    void scriptTheModel() {
        LlmScripts.sendNow(llm, REPLY);
    }

    @AfterAll
    static void stop() {
        backend.stop();
        graph.close();
        llm.close();
    }

    @Test
    void theLeadsLatestMessageIsMarkedReadWithTypingBeforeTheBotAnswers() {
        connect("5550200000001");

        leadWrites("5550200000001", "4915200000001", "wamid.OPEN1", "When do you close?");

        Waits.until("the bot's reply", WAIT, () -> sendsTo("4915200000001").size() == 1);
        List<RecordingGraphServer.Call> calls = graph.calls();
        RecordingGraphServer.Call read = readOf("wamid.OPEN1");
        assertThat(read.path()).isEqualTo("/v24.0/5550200000001/messages");
        assertThat(read.authorization()).isEqualTo("Bearer EAAG-5550200000001");
        assertThat(read.body().path("typing_indicator").path("type").asText()).isEqualTo("text");
        assertThat(calls.indexOf(read)).isLessThan(calls.indexOf(sendsTo("4915200000001").getFirst()));
    }

    @Test
    void aReadReceiptMetaRefusesDoesNotStopTheReply() {
        connect("5550200000002");
        graph.failNextReads(1, 500, """
                {"error":{"message":"An unknown error has occurred.","type":"OAuthException","code":1}}""");

        leadWrites("5550200000002", "4915200000002", "wamid.OPEN2", "Do you have parking?");

        Waits.until("the bot's reply", WAIT, () -> sendsTo("4915200000002").size() == 1);
        assertThat(sendsTo("4915200000002").getFirst().body().path("text").path("body").asText()).isEqualTo(REPLY);
        assertThat(graph.reads()).filteredOn(c -> "wamid.OPEN2".equals(c.body().path("message_id").asText()))
                .as("tried once").hasSize(1);
    }

    @Test
    void aConversationAPersonTookOverGetsNoReadReceiptFromTheBot() {
        ApiClient api = connect("5550200000003");
        leadWrites("5550200000003", "4915200000003", "wamid.OPEN3", "Hi!");
        Waits.until("the bot's reply", WAIT, () -> sendsTo("4915200000003").size() == 1);
        String conversationId = api.get("/conversations").body().get(0).path("id").asText();
        api.post("/conversations/" + conversationId + "/takeover", "{}");

        leadWrites("5550200000003", "4915200000003", "wamid.OPEN4", "Can I talk to someone?");

        Waits.until("the turn to go to the person", WAIT, () -> backend.db().inTransaction(tx -> tx.queryOne(
                "SELECT turn_status FROM messages WHERE wa_message_id = 'wamid.OPEN4'", rs -> rs.getString(1)))
                .filter("human"::equals).isPresent());
        assertThat(graph.reads()).extracting(c -> c.body().path("message_id").asText())
                .contains("wamid.OPEN3").doesNotContain("wamid.OPEN4");
    }

    @Test
    void aReplyTooLongForWhatsAppIsHandedToAPersonInsteadOfSent() {
        ApiClient api = connect("5550200000005");
        LlmScripts.sendNow(llm, "x".repeat(GraphApiClient.MAX_TEXT_LENGTH + 1));

        leadWrites("5550200000005", "4915200000005", "wamid.LONG1", "Tell me everything about your products");

        Waits.until("the conversation to be flagged", WAIT,
                () -> api.get("/conversations").body().path(0).path("needs_attention").asBoolean());
        assertThat(api.get("/conversations").body().get(0).path("attention_reason").asText())
                .contains("too long for WhatsApp");
        assertThat(sendsTo("4915200000005")).isEmpty();
    }

    private static ApiClient connect(String phoneNumberId) {
        ApiClient api = new ApiClient(backend.baseUri());
        api.signUp("Org " + phoneNumberId, "owner@" + phoneNumberId + ".test");
        api.put("/settings/whatsapp", "{\"phone_number_id\":\"%s\",\"access_token\":\"EAAG-%s\"}"
                .formatted(phoneNumberId, phoneNumberId));
        api.put("/settings/llm", "{\"base_url\":\"%s\",\"model\":\"m\",\"api_key\":\"k\"}".formatted(llm.baseUrl()));
        return api;
    }

    private static void leadWrites(String phoneNumberId, String phone, String waMessageId, String text) {
        assertThat(Webhooks.postSigned(backend.baseUri().resolve("/webhook"), APP_SECRET,
                Webhooks.text(phoneNumberId, phone, waMessageId, 1_750_000_000L, text))).isEqualTo(200);
    }

    private static RecordingGraphServer.Call readOf(String waMessageId) {
        return graph.reads().stream().filter(c -> waMessageId.equals(c.body().path("message_id").asText()))
                .findFirst().orElseThrow();
    }

    private static List<RecordingGraphServer.Call> sendsTo(String phone) {
        return graph.sends().stream().filter(c -> phone.equals(c.body().path("to").asText())).toList();
    }
}
