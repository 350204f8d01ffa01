package dev.funnel.backend.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.funnel.backend.RunningBackend;
import dev.funnel.backend.testing.ApiClient;
import dev.funnel.backend.testing.EventsClient;
import dev.funnel.backend.testing.LlmScripts;
import dev.funnel.backend.testing.RecordingGraphServer;
import dev.funnel.backend.testing.ScriptedLlmServer;
import dev.funnel.backend.testing.SoloServers;
import dev.funnel.backend.testing.Waits;
import dev.funnel.backend.testing.Webhooks;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Messages to leads through the real backend and a recording Graph server: what Meta receives from a
 * person and from a bot turn, and what each of Meta's refusals does to the message, the conversation
 * and the number.
 */
class SenderTest {

    private static final String APP_SECRET = "sender-secret";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int MESSAGES_PER_SECOND = 2;
    private static final String REPLY = "We are open until 6 pm.";

    private static SoloServers servers;
    private static ScriptedLlmServer llm;
    private static RecordingGraphServer graph;
    private static RunningBackend backend;

    @BeforeAll
    static void start(@TempDir Path dataDir) throws Exception {
        servers = SoloServers.start(dataDir, APP_SECRET, Map.of(
                "WHATSAPP_RETRY_DELAY_MS", "1",
                "WHATSAPP_MESSAGES_PER_SECOND", String.valueOf(MESSAGES_PER_SECOND),
                "FUNNEL_DEBOUNCE_MS", "0"));
        llm = servers.llm();
        graph = servers.graph();
        backend = servers.backend();
    }

    @BeforeEach
    void scriptTheModel() {
        LlmScripts.sendNow(llm, REPLY);
    }

    @AfterAll
    static void stop() {
        servers.close();
    }

    /** A lead who wrote once, in a conversation a person of the organisation has taken over. */
    private record Lead(ApiClient api, String phone, String conversationId, String messageId, String waMessageId) {
    }

    @Test
    void aTextLongerThanWhatsAppAllowsIsRefusedBeforeItReachesMeta() {
        Lead lead = takenOverLead("5550100000001", "4915100000001");

        ApiClient.Response tooLong = send(lead, "x".repeat(GraphApiClient.MAX_TEXT_LENGTH + 1));
        ApiClient.Response longest = send(lead, "x".repeat(GraphApiClient.MAX_TEXT_LENGTH));

        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body().path("error").asText()).contains("content must be at most 4096 characters");
        assertThat(longest.body().path("status").asText()).isEqualTo("sent");
        assertThat(sendsTo(lead)).extracting(c -> c.body().path("text").path("body").asText().length())
                .containsExactly(GraphApiClient.MAX_TEXT_LENGTH);
    }

    @Test
    void aReplyQuotesTheLeadsMessage() {
        Lead lead = takenOverLead("5550100000002", "4915100000002");

        ApiClient.Response sent = lead.api().post("/messages/send", """
                {"conversation_id":"%s","content":"Yes, we deliver.","reply_to_message_id":"%s"}"""
                .formatted(lead.conversationId(), lead.messageId()));
        ApiClient.Response unknown = lead.api().post("/messages/send", """
                {"conversation_id":"%s","content":"Hm?","reply_to_message_id":"%s"}"""
                .formatted(lead.conversationId(), UUID.randomUUID()));

        assertThat(sent.status()).isEqualTo(201);
        assertThat(sent.body().path("reply_to_wa_id").asText()).isEqualTo(lead.waMessageId());
        assertThat(sendsTo(lead)).singleElement().satisfies(call ->
                assertThat(call.body().path("context").path("message_id").asText()).isEqualTo(lead.waMessageId()));
        assertThat(unknown.status()).isEqualTo(400);
    }

    @Test
    void aThrottledSendIsTriedAgainUntilMetaAcceptsIt() {
        Lead lead = takenOverLead("5550100000003", "4915100000003");
        graph.failNextSends(2, 429, RecordingGraphServer.metaError(130429, "Rate limit hit",
                "Cloud API message throughput has been reached."));

        ApiClient.Response sent = send(lead, "Thanks for waiting!");

        assertThat(sent.body().path("status").asText()).isEqualTo("sent");
        assertThat(sendsTo(lead)).hasSize(3)
                .allSatisfy(call -> assertThat(call.body()).isEqualTo(sendsTo(lead).getFirst().body()));
    }

    @Test
    void aServerErrorThatOutlastsTheRetriesFailsTheMessage() {
        Lead lead = takenOverLead("5550100000004", "4915100000004");
        graph.failNextSends(5, 503, """
                {"error":{"message":"Service temporarily unavailable","type":"OAuthException","code":2}}""");

        ApiClient.Response sent = send(lead, "Are you still interested?");

        assertThat(sent.body().path("status").asText()).isEqualTo("failed");
        assertThat(sent.body().path("error").asText()).isEqualTo("[2] Service temporarily unavailable");
        assertThat(sendsTo(lead)).as("every attempt the backoff allows").hasSize(5);
    }

    @Test
    void outsideThe24HourWindowTheMessageFailsAndAPersonIsAsked() {
        Lead lead = takenOverLead("5550100000005", "4915100000005");
        graph.failNextSends(1, 400, RecordingGraphServer.metaError(131047, "Re-engagement message",
                "Message failed to send because more than 24 hours have passed since the customer last replied."));

        ApiClient.Response sent;
        JsonNode alert;
        try (EventsClient events = new EventsClient(backend.baseUri(), lead.api().token())) {
            sent = send(lead, "Still there?");
            alert = events.await("action_human_attention_required",
                    p -> p.path("reason").asText().contains("24 hours"), WAIT).path("payload");
        }

        JsonNode conversation = lead.api().get("/conversations").body().get(0);
        assertThat(sent.body().path("status").asText()).isEqualTo("failed");
        assertThat(sent.body().path("error").asText()).startsWith("[131047] Re-engagement message: Message failed");
        assertThat(alert.path("conversation_id").asText()).isEqualTo(lead.conversationId());
        assertThat(conversation.path("needs_attention").asBoolean()).isTrue();
        assertThat(conversation.path("attention_reason").asText()).contains("only an approved template");
        assertThat(sendsTo(lead)).as("not retried").hasSize(1);
    }

    @Test
    void anExpiredTokenDisconnectsTheNumberAndAlertsConsoles() {
        Lead lead = takenOverLead("5550100000006", "4915100000006");
        graph.failNextSends(1, 401, """
                {"error":{"message":"Error validating access token: Session has expired on Tuesday, 01-Jul-25.",
                 "type":"OAuthException","code":190,"error_subcode":463,"fbtrace_id":"AbC1"}}""");

        ApiClient.Response failed;
        JsonNode disconnected;
        try (EventsClient events = new EventsClient(backend.baseUri(), lead.api().token())) {
            failed = send(lead, "Are you there?");
            disconnected = events.await(OutboundSender.INTEGRATION_DISCONNECTED, p -> true, WAIT).path("payload");
        }
        ApiClient.Response afterwards = send(lead, "Hello again");

        JsonNode settings = lead.api().get("/settings/whatsapp").body();
        assertThat(failed.body().path("error").asText()).startsWith("[190] Error validating access token");
        assertThat(disconnected.path("phone_number_id").asText()).isEqualTo("5550100000006");
        assertThat(disconnected.path("reason").asText()).contains("Session has expired", "reconnect");
        assertThat(settings.path("connected").asBoolean()).isFalse();
        assertThat(settings.path("status").asText()).isEqualTo("disconnected");
        assertThat(settings.path("status_reason").asText()).contains("Session has expired");
        assertThat(afterwards.body().path("error").asText()).isEqualTo(OutboundSender.NOT_CONNECTED);
        assertThat(sendsTo(lead)).as("nothing more reached Meta").hasSize(1);
    }

    @Test
    void anyOtherRefusalFailsTheMessageWithMetasCodeAndTitle() {
        Lead lead = takenOverLead("5550100000007", "4915100000007");
        graph.failNextSends(1, 400, RecordingGraphServer.metaError(131026, "Message undeliverable",
                "Unable to deliver message."));

        send(lead, "Our new catalogue is out");

        JsonNode message = lead.api().get("/conversations/" + lead.conversationId() + "/messages").body()
                .get(1);
        assertThat(message.path("status").asText()).isEqualTo("failed");
        assertThat(message.path("error").asText()).isEqualTo("[131026] Message undeliverable: Unable to deliver message.");
        assertThat(sendsTo(lead)).hasSize(1);
    }

    @Test
    void sendsBeyondTheNumbersRateWaitTheirTurnInsteadOfFailing() {
        Lead lead = takenOverLead("5550100000008", "4915100000008");
        int burst = MESSAGES_PER_SECOND * 3;

        List<ApiClient.Response> responses;
        try (ExecutorService people = Executors.newVirtualThreadPerTaskExecutor()) {
            List<CompletableFuture<ApiClient.Response>> sends = IntStream.range(0, burst)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> send(lead, "Update " + i), people))
                    .toList();
            responses = sends.stream().map(CompletableFuture::join).toList();
        }

        assertThat(responses).extracting(r -> r.body().path("status").asText()).containsOnly("sent");
        assertThat(sendsTo(lead)).hasSize(burst);
    }

    @Test
    void theLeadsLatestMessageIsMarkedReadWithTypingBeforeTheBotAnswers() {
        connect("5550200000001", true);

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
        connect("5550200000002", true);
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
        ApiClient api = connect("5550200000003", true);
        leadWrites("5550200000003", "4915200000003", "wamid.OPEN3", "Hi!");
        Waits.until("the bot's reply", WAIT, () -> sendsTo("4915200000003").size() == 1);
        String conversationId = api.get("/conversations").body().get(0).path("id").asText();
        api.post("/conversations/" + conversationId + "/takeover", "{}");

        leadWrites("5550200000003", "4915200000003", "wamid.OPEN4", "Can I talk to someone?");

        Waits.until("the turn to go to the person", WAIT, () -> turnStatus("wamid.OPEN4").equals("human"));
        assertThat(graph.reads()).extracting(c -> c.body().path("message_id").asText())
                .contains("wamid.OPEN3").doesNotContain("wamid.OPEN4");
    }

    @Test
    void aReplyTooLongForWhatsAppIsHandedToAPersonInsteadOfSent() {
        ApiClient api = connect("5550200000005", true);
        LlmScripts.sendNow(llm, "x".repeat(GraphApiClient.MAX_TEXT_LENGTH + 1));

        leadWrites("5550200000005", "4915200000005", "wamid.LONG1", "Tell me everything about your products");

        Waits.until("the conversation to be flagged", WAIT,
                () -> api.get("/conversations").body().path(0).path("needs_attention").asBoolean());
        assertThat(api.get("/conversations").body().get(0).path("attention_reason").asText())
                .contains("too long for WhatsApp");
        assertThat(sendsTo("4915200000005")).isEmpty();
    }

    private static Lead takenOverLead(String phoneNumberId, String phone) {
        ApiClient api = connect(phoneNumberId, false);
        String waMessageId = "wamid.IN" + phone;
        leadWrites(phoneNumberId, phone, waMessageId, "Do you deliver?");
        // without a model the bot's turn hands the conversation to a person; it must be over before the test
        Waits.until("the lead's turn", WAIT, () -> !turnStatus(waMessageId).matches("|pending"));
        String conversationId = api.get("/conversations").body().get(0).path("id").asText();
        api.post("/conversations/" + conversationId + "/takeover", "{}");
        String messageId = api.get("/conversations/" + conversationId + "/messages").body().get(0).path("id").asText();
        return new Lead(api, phone, conversationId, messageId, waMessageId);
    }

    /** A new organisation with its number connected, and with a model when the bot should answer. */
    private static ApiClient connect(String phoneNumberId, boolean withModel) {
        ApiClient api = new ApiClient(backend.baseUri());
        api.signUp("Org " + phoneNumberId, "owner@" + phoneNumberId + ".test");
        api.put("/settings/whatsapp", "{\"phone_number_id\":\"%s\",\"access_token\":\"EAAG-%s\"}"
                .formatted(phoneNumberId, phoneNumberId));
        if (withModel) {
            api.put("/settings/llm", "{\"base_url\":\"%s\",\"model\":\"m\",\"api_key\":\"k\"}"
                    .formatted(llm.baseUrl()));
        }
        return api;
    }

    private static void leadWrites(String phoneNumberId, String phone, String waMessageId, String text) {
        assertThat(Webhooks.postSigned(backend.baseUri().resolve("/webhook"), APP_SECRET,
                Webhooks.text(phoneNumberId, phone, waMessageId, Webhooks.aMinuteAgo(), text))).isEqualTo(200);
    }

    /** The turn status of the lead's message, empty until it is stored. */
    private static String turnStatus(String waMessageId) {
        return backend.db().inTransaction(tx -> tx.queryOne(
                "SELECT turn_status FROM messages WHERE wa_message_id = ?", rs -> rs.getString(1), waMessageId))
                .orElse("");
    }

    private static RecordingGraphServer.Call readOf(String waMessageId) {
        return graph.reads().stream().filter(c -> waMessageId.equals(c.body().path("message_id").asText()))
                .findFirst().orElseThrow();
    }

    private static ApiClient.Response send(Lead lead, String content) {
        return lead.api().post("/messages/send", "{\"conversation_id\":\"%s\",\"content\":\"%s\"}"
                .formatted(lead.conversationId(), content));
    }

    private static List<RecordingGraphServer.Call> sendsTo(Lead lead) {
        return sendsTo(lead.phone());
    }

    private static List<RecordingGraphServer.Call> sendsTo(String phone) {
        return graph.sends().stream().filter(c -> phone.equals(c.body().path("to").asText())).toList();
    }
}
