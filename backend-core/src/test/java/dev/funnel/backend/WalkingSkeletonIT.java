package dev.funnel.backend;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.funnel.backend.testing.ApiClient;
import dev.funnel.backend.testing.EventsClient;
import dev.funnel.backend.testing.LlmScripts;
import dev.funnel.backend.testing.Webhooks;
import dev.funnel.backend.testing.RecordingGraphServer;
import dev.funnel.backend.testing.ScriptedLlmServer;
import dev.funnel.backend.testing.TeamStack;
import dev.funnel.backend.testing.Waits;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole path of one message, for real: a signed Meta webhook posted to the gateway → ElasticMQ →
 * the backend's worker on PostgreSQL → a scripted OpenAI-compatible model through langchain4j → a
 * recording Graph API server; and the console's WebSocket hears it.
 */
class WalkingSkeletonIT {

    private static final String PHONE_NUMBER_ID = TeamStack.PHONE_NUMBER_ID;
    private static final String ACCESS_TOKEN = TeamStack.ACCESS_TOKEN;
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String REPLY = "Hi! Our plans start at ₹999/month. How big is your team?";

    private static TeamStack stack;
    private static ScriptedLlmServer llm;
    private static RecordingGraphServer graph;
    private static ApiClient api;
    private static EventsClient events;

    @BeforeAll
    static void startEverything() throws Exception {
        stack = new TeamStack("funnel-inbound", Map.of());
        llm = stack.llm;
        graph = stack.graph;
        api = stack.api;
        events = new EventsClient(stack.backend.baseUri(), api.token());
        events.await("server_hello", p -> true, WAIT);
    }

    @AfterAll
    static void stopEverything() {
        events.close();
        stack.close();
    }

    @Test
    void signedTextWebhookBecomesABotReplyStoredTracedAndAnnounced() {
        LlmScripts.sendNow(llm, REPLY);
        byte[] body = Webhooks.fixtureWrittenNow("text__pywa_ad_referral.json");

        int delivered = postToGateway(body);

        assertThat(delivered).isEqualTo(200);
        Waits.until("the bot reply to reach the Graph API", WAIT, () -> sendsTo("972987654321").size() == 1);
        RecordingGraphServer.Call send = sendsTo("972987654321").getFirst();
        assertThat(send.path()).isEqualTo("/v24.0/" + PHONE_NUMBER_ID + "/messages");
        assertThat(send.authorization()).isEqualTo("Bearer " + ACCESS_TOKEN);
        assertThat(send.body().path("type").asText()).isEqualTo("text");
        assertThat(send.body().path("text").path("body").asText()).isEqualTo(REPLY);

        JsonNode botMessage = events.await("message_created",
                p -> "bot".equals(p.path("message_from").asText()) && REPLY.equals(p.path("content").asText()), WAIT)
                .path("payload");
        assertThat(botMessage.path("status").asText()).isEqualTo("sent");
        assertThat(botMessage.path("wa_message_id").asText()).startsWith("wamid.OUT");

        Waits.until("the turn to be committed", WAIT, () -> count("""
                SELECT COUNT(*) FROM messages WHERE wa_message_id = 'wamid.ID' AND turn_status = 'done'""") == 1);
        assertThat(count("SELECT COUNT(*) FROM leads WHERE phone = '972987654321'")).isEqualTo(1);
        assertThat(count("""
                SELECT COUNT(*) FROM conversations c JOIN leads l ON l.id = c.lead_id
                WHERE l.phone = '972987654321' AND c.stage = 'pricing' AND c.intent_level = 'high'
                  AND c.rolling_summary = 'Lead asked about pricing; bot shared the starting price.'""")).isEqualTo(1);
        assertThat(count("""
                SELECT COUNT(*) FROM messages m JOIN leads l ON l.id = m.lead_id WHERE l.phone = '972987654321'
                """)).isEqualTo(2);
        assertThat(count("""
                SELECT COUNT(*) FROM messages m JOIN leads l ON l.id = m.lead_id
                WHERE l.phone = '972987654321' AND m.message_from = 'lead' AND m.content = 'BODY'""")).isEqualTo(1);
        assertThat(count("""
                SELECT COUNT(*) FROM conversation_events e JOIN conversations c ON c.id = e.conversation_id
                JOIN leads l ON l.id = c.lead_id
                WHERE l.phone = '972987654321' AND e.event_type = 'pipeline_step'
                  AND e.input_tokens > 0 AND e.output_tokens > 0 AND e.latency_ms >= 0""")).isEqualTo(4);
        assertThat(count("""
                SELECT COUNT(DISTINCT e.pipeline_step) FROM conversation_events e
                JOIN conversations c ON c.id = e.conversation_id JOIN leads l ON l.id = c.lead_id
                WHERE l.phone = '972987654321'""")).isEqualTo(4);
        awaitQueueDrained();
    }

    @Test
    void theSameDeliveryPostedTwiceGetsOneReply() {
        LlmScripts.sendNow(llm, "Happy to help. What would you like to know?");
        byte[] body = textWebhook("15550000002", "wamid.twice", "hello?");

        assertThat(postToGateway(body)).isEqualTo(200);
        assertThat(postToGateway(body)).isEqualTo(200);

        Waits.until("a reply", WAIT, () -> sendsTo("15550000002").size() == 1);
        awaitQueueDrained();
        assertThat(sendsTo("15550000002")).hasSize(1);
        assertThat(count("SELECT COUNT(*) FROM messages WHERE wa_message_id = 'wamid.twice'")).isEqualTo(1);
    }

    @Test
    void afterATakeoverAnInboundMessageGetsNoBotReply() {
        LlmScripts.sendNow(llm, "First answer from the bot.");
        assertThat(postToGateway(textWebhook("15550000003", "wamid.before", "hi"))).isEqualTo(200);
        Waits.until("the first reply", WAIT, () -> sendsTo("15550000003").size() == 1);
        String conversationId = events.await("conversation_updated",
                p -> "15550000003".equals(p.path("lead_phone").asText()), WAIT).path("payload").path("id").asText();

        ApiClient.Response takeover = api.post("/conversations/" + conversationId + "/takeover", "{}");
        assertThat(takeover.status()).isEqualTo(200);
        assertThat(takeover.body().path("mode").asText()).isEqualTo("human");
        int llmCallsBefore = llm.requests().size();

        assertThat(postToGateway(textWebhook("15550000003", "wamid.after", "are you there?"))).isEqualTo(200);
        Waits.until("the message to be stored", WAIT, () -> count("""
                SELECT COUNT(*) FROM messages WHERE wa_message_id = 'wamid.after' AND turn_status = 'human'""") == 1);
        awaitQueueDrained();

        assertThat(sendsTo("15550000003")).hasSize(1);
        assertThat(llm.requests()).hasSize(llmCallsBefore);
        events.await("message_created", p -> "are you there?".equals(p.path("content").asText()), WAIT);
    }

    private static List<RecordingGraphServer.Call> sendsTo(String phone) {
        return graph.calls().stream().filter(c -> phone.equals(c.body().path("to").asText())).toList();
    }

    private static int postToGateway(byte[] body) {
        return stack.postToGateway(body);
    }

    private static byte[] textWebhook(String from, String messageId, String text) {
        return Webhooks.text(PHONE_NUMBER_ID, from, messageId, Webhooks.aMinuteAgo(), text);
    }

    private static void awaitQueueDrained() {
        stack.awaitQueueDrained(WAIT);
    }

    private static int count(String sql) {
        return stack.count(sql);
    }
}
