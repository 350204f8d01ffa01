package dev.funnel.console.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpBackendClientTest {

    private static final String AUTH_RESPONSE = """
            {"access_token":"tok-1","token_type":"bearer",
             "user":{"id":"u1","name":"Sam","email":"sam@acme.example","role":"admin","organisation_id":"o1"},
             "organisation":{"id":"o1","name":"Acme"},"unexpected_field":42}""";

    private ScriptedHttpServer server;
    private HttpBackendClient client;

    @BeforeEach
    void start() throws IOException {
        server = new ScriptedHttpServer();
        client = HttpBackendClient.create(server.baseUri());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void loginSendsSnakeCaseAndLaterCallsCarryTheToken() {
        server.answer("POST /auth/login", 200, AUTH_RESPONSE);
        server.answer("GET /auth/me", 200, """
                {"user":{"id":"u1","name":"Sam","email":"sam@acme.example","role":"admin","organisation_id":"o1"},
                 "organisation":{"id":"o1","name":"Acme"}}""");

        AuthResult session = client.login(new Credentials("sam@acme.example", "pw"));
        Me me = client.me();

        assertThat(session.user().organisationId()).isEqualTo("o1");
        assertThat(me.organisation().name()).isEqualTo("Acme");
        assertThat(server.requests.getFirst().body()).isEqualTo("{\"email\":\"sam@acme.example\",\"password\":\"pw\"}");
        assertThat(server.requests.getFirst().authorization()).isNull();
        assertThat(server.last().authorization()).isEqualTo("Bearer tok-1");
    }

    @Test
    void conversationsAreReadWithEnumsTimesAndFilter() {
        server.answer("POST /auth/login", 200, AUTH_RESPONSE);
        server.answer("GET /conversations?mode=human&needs_attention=true", 200, """
                [{"id":"c1","lead_id":"l1","lead_name":"Ana","lead_phone":"15550001111","stage":"new",
                  "intent_level":"low","user_sentiment":"neutral","mode":"human","needs_attention":true,
                  "attention_reason":"asked for a person","simulated":true,"rolling_summary":null,
                  "last_message":"Hi","last_message_at":"2026-11-03T10:15:30Z","updated_at":"2026-11-03T10:15:31+01:00"}]""");
        client.login(new Credentials("sam@acme.example", "pw"));

        List<Conversation> conversations = client.conversations(new ConversationFilter(ConversationMode.HUMAN, true));

        Conversation ana = conversations.getFirst();
        assertThat(ana.mode()).isEqualTo(ConversationMode.HUMAN);
        assertThat(ana.needsAttention()).isTrue();
        assertThat(ana.lastMessageAt()).isEqualTo(Instant.parse("2026-11-03T10:15:30Z"));
        assertThat(ana.updatedAt()).isEqualTo(Instant.parse("2026-11-03T09:15:31Z"));
    }

    @Test
    void aTurnsTraceIsReadWithItsStepsOutcomesAndTotals() {
        server.answer("POST /auth/login", 200, AUTH_RESPONSE);
        server.answer("GET /conversations/c1/turns/t1", 200, """
                {"turn_id":"t1","lead_message":"Hi","recorded_at":"2026-11-03T10:15:30Z",
                 "steps":[{"id":"e1","event_type":"pipeline_step","step":"analyze","prompt_version":"default-1",
                   "input_summary":"stage=greeting","output_summary":"{}","latency_ms":640,"prompt_tokens":1200,
                   "completion_tokens":90,"model":"m","cost_usd":0.000234,"cost_note":null,
                   "created_at":"2026-11-03T10:15:30Z"}],
                 "outcomes":[{"id":"e2","event_type":"handoff","step":null,"output_summary":"asked for a person",
                   "created_at":"2026-11-03T10:15:30Z"}],
                 "totals":{"prompt_tokens":1200,"completion_tokens":90,"latency_ms":640,"cost_usd":0.000234,
                   "cost_note":null}}""");
        client.login(new Credentials("sam@acme.example", "pw"));

        Turn turn = client.turn("c1", "t1");

        assertThat(turn.steps().getFirst().promptTokens()).isEqualTo(1200);
        assertThat(turn.steps().getFirst().costUsd()).isEqualByComparingTo("0.000234");
        assertThat(turn.outcomes().getFirst().eventType()).isEqualTo("handoff");
        assertThat(turn.totals().latencyMs()).isEqualTo(640);
    }

    @Test
    void replayAndSuggestReplyArePostsThatReadTheDryRun() {
        server.answer("POST /auth/login", 200, AUTH_RESPONSE);
        String dryRun = """
                {"action":"SEND_NOW","why":"asked","reply":"Yes!","steps":[],
                 "interventions":[{"rule":"message_rewritten","detail":"too long"}],
                 "totals":{"prompt_tokens":0,"completion_tokens":0,"latency_ms":0,"cost_usd":null,"cost_note":"x"}}""";
        server.answer("POST /conversations/c1/turns/t1/replay", 200, """
                {"turn_id":"t1","lead_message":"Hi","reply_then":"Hello","then":{"turn_id":"t1","steps":[],
                 "outcomes":[],"recorded_at":"2026-11-03T10:15:30Z","totals":{"prompt_tokens":0,
                 "completion_tokens":0,"latency_ms":0}},"now":%s,"reconstructed":["Messages: the last 2"]}"""
                .formatted(dryRun));
        server.answer("POST /conversations/c1/suggest-reply", 200, dryRun);
        client.login(new Credentials("sam@acme.example", "pw"));

        Replay replay = client.replayTurn("c1", "t1");
        DryRun draft = client.suggestReply("c1");

        assertThat(replay.replyThen()).isEqualTo("Hello");
        assertThat(replay.now().reply()).isEqualTo("Yes!");
        assertThat(replay.reconstructed()).containsExactly("Messages: the last 2");
        assertThat(draft.interventions().getFirst().detail()).isEqualTo("too long");
        assertThat(server.last().method()).isEqualTo("POST");
    }

    @Test
    void aBotReplyCarriesTheTurnThatWroteIt() {
        server.answer("POST /auth/login", 200, AUTH_RESPONSE);
        server.answer("GET /conversations/c1/messages", 200, """
                [{"id":"m2","conversation_id":"c1","message_from":"bot","message_type":"text","content":"Yes",
                  "status":"sent","simulated":false,"created_at":"2026-11-03T10:15:30Z","turn_id":"t1"}]""");
        client.login(new Credentials("sam@acme.example", "pw"));

        assertThat(client.messages("c1").getFirst().turnId()).isEqualTo("t1");
    }

    @Test
    void rejectedWebhooksAreReadWithTheUnattributedCount() {
        server.answer("POST /auth/login", 200, AUTH_RESPONSE);
        server.answer("GET /webhooks/rejected?limit=100", 200, """
                {"items":[{"id":"9b2f6c1e-0d7a-4d8e-9a51-3c2b1f0e7d64","reason":"Failed after 5 attempts",
                  "receive_count":6,"size":1544,"received_at":"2026-11-22T06:30:00Z"}],
                 "unattributed_count":3}""");
        client.login(new Credentials("sam@acme.example", "pw"));

        RejectedWebhooks rejected = client.rejectedWebhooks();

        assertThat(rejected.items()).containsExactly(new RejectedWebhook("9b2f6c1e-0d7a-4d8e-9a51-3c2b1f0e7d64",
                "Failed after 5 attempts", 6, 1544, Instant.parse("2026-11-22T06:30:00Z")));
        assertThat(rejected.unattributedCount()).isEqualTo(3);
        assertThat(server.last().authorization()).isEqualTo("Bearer tok-1");
    }

    @Test
    void theBackendsErrorTextBecomesTheMessage() {
        server.answer("POST /auth/login", 401, "{\"error\":\"Wrong email or password\"}");

        assertThatThrownBy(() -> client.login(new Credentials("sam@acme.example", "nope")))
                .isInstanceOf(BackendException.class)
                .hasMessage("Wrong email or password")
                .extracting(e -> ((BackendException) e).status()).isEqualTo(401);
    }

    @Test
    void anErrorWithoutJsonStillSaysSomethingUseful() {
        server.answer("GET /health", 502, "");

        assertThatThrownBy(client::health).hasMessage("The server answered with HTTP status 502.");
    }

    @Test
    void noTokenMeansSignInFirst() {
        assertThatThrownBy(client::whatsAppSettings).hasMessage("Please sign in first.");
        assertThat(server.requests).isEmpty();
    }

    @Test
    void unreachableServerIsNamed() throws IOException {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0)) {
            freePort = socket.getLocalPort();
        }
        HttpBackendClient nowhere = HttpBackendClient.create(URI.create("http://127.0.0.1:" + freePort + "/"));

        assertThatThrownBy(nowhere::health)
                .isInstanceOf(BackendException.class)
                .hasMessage("Cannot reach the server at http://127.0.0.1:" + freePort + ". Is it running?");
    }

    @Test
    void optionalWhatsAppFieldsAreLeftOutWhenEmpty() {
        server.answer("POST /auth/login", 200, AUTH_RESPONSE);
        server.answer("PUT /settings/whatsapp", 200, """
                {"connected":true,"phone_number_id":"1065","business_account_id":null,
                 "display_phone_number":null,"status":"active"}""");
        client.login(new Credentials("sam@acme.example", "pw"));

        WhatsAppSettings saved = client.saveWhatsAppSettings(new WhatsAppSettingsUpdate("1065", "EAAG", "", ""));

        assertThat(server.last().body()).isEqualTo("{\"phone_number_id\":\"1065\",\"access_token\":\"EAAG\"}");
        assertThat(saved.connected()).isTrue();
    }

    @Test
    void sendAndSimulatePostTheDocumentedBodies() {
        server.answer("POST /auth/login", 200, AUTH_RESPONSE);
        server.answer("POST /messages/send", 201, """
                {"id":"m1","conversation_id":"c1","message_from":"human","message_type":"text",
                 "content":"Hello","status":"sent","error":null,"created_at":"2026-11-03T10:15:30Z"}""");
        server.answer("POST /debug/simulate", 202, "{\"accepted\":true}");
        client.login(new Credentials("sam@acme.example", "pw"));

        Message sent = client.sendMessage(new OutgoingMessage("c1", "Hello"));
        String sendBody = server.last().body();
        client.simulate(new SimulatedInbound("15550001111", "Maya", "Hi"));

        assertThat(sent.messageFrom()).isEqualTo(MessageFrom.HUMAN);
        assertThat(sendBody).isEqualTo("{\"conversation_id\":\"c1\",\"content\":\"Hello\"}");
        assertThat(server.last().body()).isEqualTo("{\"from_phone\":\"15550001111\",\"name\":\"Maya\",\"text\":\"Hi\"}");
    }

    @Test
    void disconnectAcceptsAnEmptyAnswer() {
        server.answer("POST /auth/login", 200, AUTH_RESPONSE);
        server.answer("DELETE /settings/whatsapp", 204, "");
        client.login(new Credentials("sam@acme.example", "pw"));

        client.disconnectWhatsApp();

        assertThat(server.last().method()).isEqualTo("DELETE");
    }
}
