package dev.funnel.backend.scenarios;

import static dev.funnel.backend.pipeline.PipelineStep.ANALYZE;
import static dev.funnel.backend.pipeline.PipelineStep.DECIDE;
import static dev.funnel.backend.pipeline.PipelineStep.GENERATE;
import static dev.funnel.backend.pipeline.PipelineStep.SUMMARIZE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.funnel.backend.RunningBackend;
import dev.funnel.backend.pipeline.ConversationStage;
import dev.funnel.backend.pipeline.DecisionAction;
import dev.funnel.backend.pipeline.PipelineStep;
import dev.funnel.backend.pipeline.RiskLevel;
import dev.funnel.backend.scenarios.ScriptedScenarios.Case;
import dev.funnel.backend.scenarios.ScriptedScenarios.Expected;
import dev.funnel.backend.testing.ApiClient;
import dev.funnel.backend.testing.EventsClient;
import dev.funnel.backend.testing.RecordingGraphServer;
import dev.funnel.backend.testing.ScriptedLlmServer;
import dev.funnel.backend.testing.SoloServers;
import dev.funnel.backend.testing.Waits;
import dev.funnel.backend.testing.Webhooks;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The scenarios end to end: a signed webhook → the local queue → the worker → the pipeline against the
 * scripted model → the Graph API → the database → the console's live events. Each scenario's history is
 * played as real turns first, so the conversation is in the scenario's state when its last message comes.
 */
class ScenarioSuiteTest {

    private static final String APP_SECRET = "scenario-app-secret";
    private static final String PHONE_NUMBER_ID = "5550007770001";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int LLM_TIMEOUT_SECONDS = 2;

    private static final AtomicInteger leads = new AtomicInteger();
    private static SoloServers servers;
    private static ScriptedLlmServer llm;
    private static RecordingGraphServer graph;
    private static RunningBackend backend;
    private static ApiClient api;
    private static EventsClient events;

    /** What one scenario's turn left: the conversation after it, its trace, and what reached the lead. */
    private record Played(String conversationId, JsonNode conversation, JsonNode turn, List<String> sent,
                          List<PipelineStep> modelCalls) {
    }

    @BeforeAll
    static void start(@TempDir Path dataDir) throws Exception {
        servers = SoloServers.start(dataDir, APP_SECRET, Map.of(
                "LLM_TIMEOUT_SECONDS", String.valueOf(LLM_TIMEOUT_SECONDS),
                "FUNNEL_TURN_RETRY_MS", "100",
                "FUNNEL_DEBOUNCE_MS", "0"));
        llm = servers.llm();
        graph = servers.graph();
        backend = servers.backend();
        api = new ApiClient(backend.baseUri());
        api.signUp("Sunrise Solar", "owner@sunrise.test");
        ApiClient.Response connected = api.put("/settings/whatsapp",
                "{\"phone_number_id\":\"%s\",\"access_token\":\"EAAG-scenarios\"}".formatted(PHONE_NUMBER_ID));
        assertThat(connected.status()).isEqualTo(200);
        ApiClient.Response model = api.put("/settings/llm", """
                {"base_url":"%s","model":"scripted-model","api_key":"scenario-key"}""".formatted(llm.baseUrl()));
        assertThat(model.status()).isEqualTo(200);
        events = new EventsClient(backend.baseUri(), api.token());
    }

    @AfterAll
    static void stop() {
        events.close();
        servers.close();
    }

    @AfterEach
    void answerPromptlyAgain() {
        llm.delay(Duration.ZERO);
    }

    static List<Case> conversations() {
        return ScriptedScenarios.conversations();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("conversations")
    void theBackendTakesTheExpectedActionAndRecordsIt(Case scenario) {
        Played played = play(scenario.scenario(), scenario.answers());

        assertThat(actionTaken(played)).isEqualTo(scenario.scenario().expectedAction());
        assertLeft(played, scenario.expected());
        assertAnnounced(played, scenario.scenario().expectedAction(), scenario.expected().sent());
        assertThat(played.turn().path("steps")).allSatisfy(step -> {
            assertThat(step.path("prompt_tokens").asInt()).isPositive();
            assertThat(step.path("model").asText()).isEqualTo("scripted-model");
        });
        assertThat(played.turn().path("outcomes")).allSatisfy(o -> assertThat(o.path("output_summary").asText())
                .isNotBlank());
    }

    @Test
    void anInvalidAnswerIsRepairedOnceAndTheReplyGoesOut() {
        Played played = play(Scenarios.PRICING, llm -> {
            ScriptedScenarios.pricingAnswers(llm);
            llm.script(ANALYZE, "Sure! Here is my analysis: stage pricing, all fine.",
                    Answers.analysis(ConversationStage.PRICING, 0.9,
                            RiskLevel.LOW, "en", null));
        });

        Expected expected = ScriptedScenarios.PRICING_ANSWERED;
        assertThat(actionTaken(played)).isEqualTo(DecisionAction.SEND_NOW);
        assertLeft(played, new Expected(expected.sent(), expected.stage(), expected.intent(), expected.sentiment(),
                expected.mode(), expected.needsAttention(), expected.summary(),
                List.of("analyze", "analyze", "decide", "generate", "summarize"), List.of("followup_scheduled")));
        assertThat(played.turn().path("steps").get(0).path("output_summary").asText())
                .startsWith("invalid answer, asked again");
        assertThat(played.modelCalls()).containsExactly(ANALYZE, ANALYZE, DECIDE, GENERATE, SUMMARIZE);
        assertAnnounced(played, DecisionAction.SEND_NOW, expected.sent());
    }

    @Test
    void anAnswerInvalidTwiceHandsTheConversationToAPerson() {
        Played played = play(Scenarios.PRICING, llm -> {
            ScriptedScenarios.pricingAnswers(llm);
            llm.script(ANALYZE, "{\"situation_summary\": \"cut off");
        });

        assertThat(actionTaken(played)).isEqualTo(DecisionAction.HANDOFF_HUMAN);
        // both attempts are in the trace, with the tokens they spent
        assertLeft(played, new Expected(null, "greeting", "unknown", "neutral", "human", true, null,
                List.of("analyze", "analyze"), List.of("handoff")));
        assertThat(played.conversation().path("attention_reason").asText())
                .contains("The bot could not answer", "analyze step failed");
        assertThat(played.modelCalls()).containsExactly(ANALYZE, ANALYZE);
        assertAnnounced(played, DecisionAction.HANDOFF_HUMAN, null);
    }

    @Test
    void aModelThatTimesOutIsTriedAgainThenAPersonTakesOver() {
        Played played = play(Scenarios.PRICING, llm -> {
            ScriptedScenarios.pricingAnswers(llm);
            llm.delay(Duration.ofSeconds(2L * LLM_TIMEOUT_SECONDS));
        });

        assertThat(actionTaken(played)).isEqualTo(DecisionAction.HANDOFF_HUMAN);
        assertLeft(played, new Expected(null, "greeting", "unknown", "neutral", "human", true, null, List.of(),
                List.of("handoff")));
        assertThat(played.conversation().path("attention_reason").asText())
                .contains("did not answer within " + LLM_TIMEOUT_SECONDS + " s");
        // the first try and three more, each cut off at the timeout
        assertThat(played.modelCalls()).containsExactly(ANALYZE, ANALYZE, ANALYZE, ANALYZE);
        assertAnnounced(played, DecisionAction.HANDOFF_HUMAN, null);
    }

    /**
     * Plays the history as real turns (the model writes the bot's lines and leaves the scenario's state),
     * then the lead's last message with the scenario's answers; returns once the turn is recorded.
     */
    private static Played play(Scenario scenario, Consumer<ScriptedLlmServer> answers) {
        String phone = "9199000" + String.format("%05d", leads.incrementAndGet());
        List<Scenario.Line> history = scenario.history();
        for (int i = 0; i < history.size(); i += 2) {
            historyTurn(scenario, history.get(i + 1).text());
            post(phone, history.get(i).text(), Webhooks.aMinuteAgo() - 60);
            int replies = i / 2 + 1;
            Waits.until("the history's reply " + replies, WAIT, () -> sentTo(phone).size() == replies);
        }
        List<String> sentBefore = sentTo(phone);
        int callsBefore = llm.requests().size();
        answers.accept(llm);

        post(phone, scenario.leadMessage(), Instant.now().minus(scenario.leadWroteAgo()).getEpochSecond());

        String conversationId = awaitConversation(phone);
        String turns = "/conversations/" + conversationId + "/turns";
        Waits.until("the turn's trace", WAIT, () -> turnFor(api.get(turns).body(), scenario.leadMessage()) != null);
        String turnId = turnFor(api.get(turns).body(), scenario.leadMessage()).path("turn_id").asText();
        JsonNode recorded = api.get(turns + "/" + turnId).body();
        if (repliesToTheLead(recorded)) {
            // a reply is sent after the turn's commit, and its follow-up planned after the send
            Waits.until("the reply at the Graph API", WAIT, () -> sentTo(phone).size() > sentBefore.size());
            Waits.until("the reply's follow-up plan", WAIT, () -> hasFollowupPlan(api.get(turns + "/" + turnId).body()));
        }
        JsonNode turn = api.get(turns + "/" + turnId).body();
        List<String> sent = sentTo(phone).subList(sentBefore.size(), sentTo(phone).size());
        List<PipelineStep> calls = llm.requests().subList(callsBefore, llm.requests().size()).stream()
                .map(ScriptedLlmServer.RecordedRequest::step).toList();
        return new Played(conversationId, conversation(conversationId), turn, sent, calls);
    }

    /** A written message that no guardrail stopped and no handoff replaced goes to the lead. */
    private static boolean repliesToTheLead(JsonNode turn) {
        boolean written = false;
        for (JsonNode step : turn.path("steps")) {
            written |= step.path("step").asText().equals("generate");
        }
        for (JsonNode outcome : turn.path("outcomes")) {
            written &= !outcome.path("event_type").asText().equals("handoff");
        }
        return written;
    }

    private static boolean hasFollowupPlan(JsonNode turn) {
        for (JsonNode outcome : turn.path("outcomes")) {
            if (outcome.path("event_type").asText().startsWith("followup_")) {
                return true;
            }
        }
        return false;
    }

    /** The model writes the bot's line of the history and leaves the state the scenario starts from. */
    private static void historyTurn(Scenario scenario, String botLine) {
        llm.script(ANALYZE, Answers.analysis(scenario.stage(), 0.9, RiskLevel.LOW,
                "en", null));
        llm.script(DECIDE, Answers.decision(DecisionAction.SEND_NOW, scenario.stage(), 0));
        llm.script(GENERATE, Answers.message(botLine, "en", scenario.stage(), scenario.intentLevel(),
                scenario.sentiment()));
        llm.script(SUMMARIZE, Answers.summary(scenario.rollingSummary()));
    }

    private static void assertLeft(Played played, Expected expected) {
        JsonNode c = played.conversation();
        assertThat(played.sent()).as("sent to the lead")
                .isEqualTo(expected.sent() == null ? List.of() : List.of(expected.sent()));
        assertThat(c.path("stage").asText()).as("stage").isEqualTo(expected.stage());
        assertThat(c.path("intent_level").asText()).as("intent").isEqualTo(expected.intent());
        assertThat(c.path("user_sentiment").asText()).as("sentiment").isEqualTo(expected.sentiment());
        assertThat(c.path("mode").asText()).as("mode").isEqualTo(expected.mode());
        assertThat(c.path("needs_attention").asBoolean()).as("needs_attention").isEqualTo(expected.needsAttention());
        assertThat(c.path("rolling_summary").isNull() ? null : c.path("rolling_summary").asText())
                .as("rolling summary").isEqualTo(expected.summary());
        assertThat(played.turn().path("steps")).extracting(s -> s.path("step").asText()).as("steps")
                .containsExactlyElementsOf(expected.steps());
        assertThat(played.turn().path("outcomes")).extracting(o -> o.path("event_type").asText()).as("outcomes")
                .containsExactlyInAnyOrderElementsOf(expected.outcomes());
    }

    /** The consoles heard of it: the reply, the call for a person, or the updated conversation. */
    private static void assertAnnounced(Played played, DecisionAction action, String sent) {
        String id = played.conversationId();
        switch (action) {
            case SEND_NOW -> events.await("message_created", p -> id.equals(p.path("conversation_id").asText())
                    && "bot".equals(p.path("message_from").asText()) && sent.equals(p.path("content").asText()), WAIT);
            case HANDOFF_HUMAN -> events.await("action_human_attention_required",
                    p -> id.equals(p.path("conversation_id").asText()), WAIT);
            case WAIT_SCHEDULE -> events.await("conversation_updated",
                    p -> id.equals(p.path("id").asText()) && p.path("rolling_summary").asText()
                            .equals(played.conversation().path("rolling_summary").asText()), WAIT);
        }
    }

    /** What the backend did, read from what it recorded and sent (not from what the model said). */
    private static DecisionAction actionTaken(Played played) {
        List<String> outcomes = new ArrayList<>();
        played.turn().path("outcomes").forEach(o -> outcomes.add(o.path("event_type").asText()));
        if (outcomes.contains("handoff")) {
            return DecisionAction.HANDOFF_HUMAN;
        }
        if (outcomes.contains("wait_decided")) {
            return DecisionAction.WAIT_SCHEDULE;
        }
        return played.sent().isEmpty() ? null : DecisionAction.SEND_NOW;
    }

    private static void post(String phone, String text, long epochSeconds) {
        int status = Webhooks.postSigned(backend.baseUri().resolve("/webhook"), APP_SECRET,
                Webhooks.text(PHONE_NUMBER_ID, phone, "wamid." + phone + "." + text.hashCode(), epochSeconds, text));
        assertThat(status).isEqualTo(200);
    }

    private static List<String> sentTo(String phone) {
        return graph.sends().stream().filter(c -> phone.equals(c.body().path("to").asText()))
                .map(c -> c.body().path("text").path("body").asText()).toList();
    }

    private static String awaitConversation(String phone) {
        Waits.until("the conversation of " + phone, WAIT, () -> conversationOf(phone) != null);
        return conversationOf(phone).path("id").asText();
    }

    private static JsonNode conversationOf(String phone) {
        for (JsonNode c : api.get("/conversations").body()) {
            if (phone.equals(c.path("lead_phone").asText())) {
                return c;
            }
        }
        return null;
    }

    private static JsonNode conversation(String id) {
        for (JsonNode c : api.get("/conversations").body()) {
            if (id.equals(c.path("id").asText())) {
                return c;
            }
        }
        throw new AssertionError("conversation " + id + " is not listed");
    }

    private static JsonNode turnFor(JsonNode turns, String leadMessage) {
        for (JsonNode turn : turns) {
            if (leadMessage.equals(turn.path("lead_message").asText())) {
                return turn;
            }
        }
        return null;
    }
}
