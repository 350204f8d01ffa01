package dev.funnel.backend;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.funnel.backend.testing.ApiClient;
import dev.funnel.backend.testing.EventsClient;
import dev.funnel.backend.testing.LlmScripts;
import dev.funnel.backend.testing.Webhooks;
import dev.funnel.backend.testing.RecordingGraphServer;
import dev.funnel.backend.testing.ScriptedLlmServer;
import dev.funnel.backend.testing.SoloServers;
import dev.funnel.backend.testing.Waits;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The backend as the console runs it in solo mode: H2, the local queue, the webhook routes mounted
 * in-process, and the API the console calls.
 */
class SoloBackendTest {

    private static final String APP_SECRET = "solo-app-secret";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static SoloServers servers;
    private static ScriptedLlmServer llm;
    private static RecordingGraphServer graph;
    private static RunningBackend backend;

    @BeforeAll
    static void start(@TempDir Path dataDir) throws Exception {
        servers = SoloServers.start(dataDir, APP_SECRET, Map.of(
                "FUNNEL_DEBOUNCE_MS", "0"));
        llm = servers.llm();
        graph = servers.graph();
        backend = servers.backend();
    }

    @AfterAll
    static void stop() {
        servers.close();
    }

    @Test
    void signUpLogInAndAskWhoIAm() {
        ApiClient api = new ApiClient(backend.baseUri());
        JsonNode session = api.signUp("Bloom Florists", "owner@bloom.test");

        ApiClient.Response me = api.get("/auth/me");
        ApiClient.Response login = new ApiClient(backend.baseUri()).post("/auth/login",
                "{\"email\":\"OWNER@bloom.test\",\"password\":\"correct-horse-1\"}");
        ApiClient.Response wrong = new ApiClient(backend.baseUri()).post("/auth/login",
                "{\"email\":\"owner@bloom.test\",\"password\":\"nope-nope-nope\"}");

        assertThat(session.path("user").path("role").asText()).isEqualTo("admin");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.body().path("organisation").path("name").asText()).isEqualTo("Bloom Florists");
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.body().path("access_token").asText()).isNotBlank();
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.body().path("error").asText()).isEqualTo("Wrong email or password");
    }

    @Test
    void aSignUpWithBadFieldsIsAnsweredWithEveryProblemNamed() {
        ApiClient.Response r = new ApiClient(backend.baseUri()).post("/auth/signup/create-org",
                "{\"organisation_name\":\"\",\"name\":\"A\",\"email\":\"not-an-email\",\"password\":\"short\"}");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().path("error").asText())
                .contains("organisation_name is required", "email is not valid", "password must be at least 8");
    }

    @Test
    void requestsWithoutAValidTokenAreRefused() {
        ApiClient anonymous = new ApiClient(backend.baseUri());
        ApiClient.Response noToken = anonymous.get("/conversations");
        ApiClient.Response badToken = send("/conversations", "Bearer not.a.token");

        assertThat(noToken.status()).isEqualTo(401);
        assertThat(badToken.status()).isEqualTo(401);
    }

    @Test
    void aSimulatedLeadGetsTheBotsReplyBackInTheConsoleNotThroughMeta() {
        ApiClient api = new ApiClient(backend.baseUri());
        api.signUp("Sim Co", "sim@sim.test");
        ApiClient.Response llmSet = api.put("/settings/llm", """
                {"base_url":"%s","model":"scripted-model","api_key":"k-123"}""".formatted(llm.baseUrl()));
        assertThat(llmSet.body().path("source").asText()).isEqualTo("organisation");
        assertThat(llmSet.body().path("has_api_key").asBoolean()).isTrue();
        LlmScripts.sendNow(llm, "Hello! What are you looking for today?");
        int graphCallsBefore = graph.calls().size();

        try (EventsClient events = new EventsClient(backend.baseUri(), api.token())) {
            ApiClient.Response accepted = api.post("/debug/simulate",
                    "{\"from_phone\":\"15550001111\",\"name\":\"Priya\",\"text\":\"Hi, do you deliver?\"}");

            assertThat(accepted.status()).isEqualTo(202);
            JsonNode reply = events.await("message_created", p -> "bot".equals(p.path("message_from").asText()), WAIT)
                    .path("payload");
            assertThat(reply.path("content").asText()).isEqualTo("Hello! What are you looking for today?");
            assertThat(reply.path("simulated").asBoolean()).isTrue();
            assertThat(reply.path("status").asText()).isEqualTo("delivered");
        }
        JsonNode conversation = api.get("/conversations").body().get(0);
        assertThat(conversation.path("simulated").asBoolean()).isTrue();
        assertThat(conversation.path("lead_name").asText()).isEqualTo("Priya");
        assertThat(api.get("/conversations/" + conversation.path("id").asText() + "/messages").body())
                .extracting(m -> m.path("message_from").asText()).containsExactly("lead", "bot");
        assertThat(graph.calls()).hasSize(graphCallsBefore);
    }

    @Test
    void withoutAModelANewConversationIsFlaggedForAPersonInsteadOfAnswered() {
        ApiClient api = new ApiClient(backend.baseUri());
        api.signUp("No Model Ltd", "nomodel@nm.test");
        assertThat(api.get("/settings/llm").body().path("configured").asBoolean()).isFalse();

        try (EventsClient events = new EventsClient(backend.baseUri(), api.token())) {
            api.post("/debug/simulate", "{\"from_phone\":\"15550002222\",\"text\":\"price?\"}");

            JsonNode alert = events.await("action_human_attention_required", p -> true, WAIT).path("payload");
            assertThat(alert.path("reason").asText()).contains("No language model is configured");
        }
        JsonNode conversation = api.get("/conversations").body().get(0);
        assertThat(conversation.path("needs_attention").asBoolean()).isTrue();
        assertThat(api.get("/conversations/" + conversation.path("id").asText() + "/messages").body())
                .extracting(m -> m.path("message_from").asText()).containsExactly("lead");
    }

    @Test
    void aPersonWhoTookOverRepliesThroughTheGraphApi() {
        ApiClient api = new ApiClient(backend.baseUri());
        api.signUp("Real Number Inc", "real@real.test");
        ApiClient.Response connected = api.put("/settings/whatsapp",
                "{\"phone_number_id\":\"5550001234567\",\"access_token\":\"EAAG-real-token\"}");
        assertThat(connected.body().path("connected").asBoolean()).isTrue();
        assertThat(connected.body().toString()).doesNotContain("EAAG-real-token");
        postSignedWebhook("5550001234567", "4915112345678", "wamid.real1", "Can someone call me?");
        Waits.until("the lead's conversation", WAIT, () -> api.get("/conversations").body().size() == 1);
        String id = api.get("/conversations").body().get(0).path("id").asText();

        ApiClient.Response inBotMode = api.post("/messages/send",
                "{\"conversation_id\":\"%s\",\"content\":\"Sure!\"}".formatted(id));
        api.post("/conversations/" + id + "/takeover", "{}");
        ApiClient.Response sent = api.post("/messages/send",
                "{\"conversation_id\":\"%s\",\"content\":\"Sure, calling you in 5 minutes.\"}".formatted(id));

        assertThat(inBotMode.status()).isEqualTo(409);
        assertThat(sent.status()).isEqualTo(201);
        assertThat(sent.body().path("status").asText()).isEqualTo("sent");
        assertThat(sent.body().path("message_from").asText()).isEqualTo("human");
        RecordingGraphServer.Call call = graph.calls().stream()
                .filter(c -> "4915112345678".equals(c.body().path("to").asText())).findFirst().orElseThrow();
        assertThat(call.path()).isEqualTo("/v24.0/5550001234567/messages");
        assertThat(call.authorization()).isEqualTo("Bearer EAAG-real-token");
        assertThat(call.body().path("text").path("body").asText()).isEqualTo("Sure, calling you in 5 minutes.");
    }

    @Test
    void anotherOrganisationGetsNothingOfTheFirst() {
        ApiClient first = new ApiClient(backend.baseUri());
        first.signUp("First Org", "first@first.test");
        first.post("/debug/simulate", "{\"from_phone\":\"15550003333\",\"text\":\"hello\"}");
        Waits.until("the first organisation's conversation", WAIT,
                () -> first.get("/conversations").body().size() == 1);
        String id = first.get("/conversations").body().get(0).path("id").asText();
        ApiClient second = new ApiClient(backend.baseUri());
        second.signUp("Second Org", "second@second.test");

        assertThat(second.get("/conversations").body()).isEmpty();
        assertThat(second.get("/conversations/" + id + "/messages").status()).isEqualTo(404);
        assertThat(second.post("/conversations/" + id + "/takeover", "{}").status()).isEqualTo(404);
        assertThat(second.post("/messages/send", "{\"conversation_id\":\"%s\",\"content\":\"x\"}".formatted(id))
                .status()).isEqualTo(404);
        assertThat(first.get("/conversations").body().get(0).path("mode").asText()).isEqualTo("bot");
    }

    private static void postSignedWebhook(String phoneNumberId, String from, String id, String text) {
        int status = Webhooks.postSigned(backend.baseUri().resolve("/webhook"), APP_SECRET,
                Webhooks.text(phoneNumberId, from, id, Webhooks.aMinuteAgo(), text));
        assertThat(status).isEqualTo(200);
    }

    private static ApiClient.Response send(String path, String authorization) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    backend.baseUri() + path)).header("Authorization", authorization).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new ApiClient.Response(r.statusCode(), null);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
