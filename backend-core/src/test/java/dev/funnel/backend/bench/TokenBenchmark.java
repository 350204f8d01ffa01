package dev.funnel.backend.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.funnel.backend.RunningBackend;
import dev.funnel.backend.pipeline.PipelineStep;
import dev.funnel.backend.testing.ApiClient;
import dev.funnel.backend.testing.RecordingGraphServer;
import dev.funnel.backend.testing.ScriptedLlmServer;
import dev.funnel.backend.testing.ScriptedLlmServer.RecordedRequest;
import dev.funnel.backend.testing.SoloBackend;
import dev.funnel.backend.testing.Waits;
import dev.funnel.backend.testing.Webhooks;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.openai.OpenAiTokenCountEstimator;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Prompt tokens per bot turn as a conversation grows (issue "HTL pipeline complete and guarded", point
 * 10), printed as figures, never asserted. One lead writes 100 messages through the whole backend; the
 * scripted model answers each turn with a full pipeline run (a reply of about 35 words, a rolling summary
 * of about 150). Turns 5 and 100 are counted two ways: the usage the scripted server reports (real
 * o200k_base counts, recorded in the trace as production records a real model's), and langchain4j's own
 * estimate over the same system and user messages.
 * Run: {@code ./funnel bench tokens} (see docs/benchmarks.md).
 */
public final class TokenBenchmark {

    private static final String SECRET = "token-bench-secret";
    private static final String PHONE_NUMBER_ID = "5550009990002";
    private static final String LEAD = "919812345678";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final List<Integer> MEASURED = List.of(5, 100);

    private TokenBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int turns = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        try (ScriptedLlmServer llm = ScriptedLlmServer.start(); RecordingGraphServer graph = RecordingGraphServer.start()) {
            RunningBackend backend = SoloBackend.start(Files.createTempDirectory("funnel-tokens"), Map.of(
                    "WHATSAPP_APP_SECRET", SECRET,
                    "WHATSAPP_GRAPH_URL", graph.baseUrl().toString(),
                    "LLM_BASE_URL", llm.baseUrl(),
                    "LLM_MODEL", "gpt-4o-mini",
                    "FUNNEL_DEBOUNCE_MS", "0"));
            try {
                ApiClient api = new ApiClient(backend.baseUri());
                api.signUp("Sunrise Solar", "tokens@sunrise.test");
                api.put("/settings/whatsapp", "{\"phone_number_id\":\"%s\",\"access_token\":\"EAAG-tokens\"}"
                        .formatted(PHONE_NUMBER_ID));
                for (int turn = 1; turn <= turns; turn++) {
                    converse(backend, llm, graph, turn);
                }
                report(api, llm, turns);
            } finally {
                backend.stop();
            }
        }
        System.exit(0);
    }

    /** One lead message and the bot's full turn answering it. */
    private static void converse(RunningBackend backend, ScriptedLlmServer llm, RecordingGraphServer graph, int turn) {
        llm.script(PipelineStep.ANALYZE, """
                {"situation_summary":"The lead asks about detail %d of a 5 kW rooftop system","lead_goal_guess":"Decide
                 whether solar pays off","missing_info":["roof type"],"detected_objections":[],"stage_recommendation":
                 "qualification","risk_flags":{"spam_risk":"low","policy_risk":"low","hallucination_risk":"low"},
                 "need_kb":{"required":false,"query":""},"lead_language":"en","confidence":0.85}""".formatted(turn)
                .replace("\n", ""));
        llm.script(PipelineStep.DECIDE, """
                {"action":"SEND_NOW","why":"The lead asked a direct question","next_stage":"qualification",
                 "recommended_cta":"site_survey","followup_in_minutes":0,"template_required":false}""");
        llm.script(PipelineStep.GENERATE, """
                {"message_text":"Good question (%d). A 5 kW system usually covers a monthly bill of about ₹4,000,
                 and the subsidy takes up to ₹78,000 off the price. A free site survey confirms what your roof can
                 hold. Shall I book one?","message_language":"en","cta_type":"site_survey","next_stage":
                 "qualification","state_patch":{"intent_level":"medium","user_sentiment":"curious"},
                 "self_check":{"guardrails_pass":true,"violations":[]}}""".formatted(turn).replace("\n", ""));
        llm.script(PipelineStep.SUMMARIZE, """
                {"updated_rolling_summary":"Ravi, a homeowner in Pune with a flat concrete roof, is considering a
                 5 kW rooftop system for a monthly electricity bill of about ₹4,000. The bot quoted ₹2,90,000
                 installed before a subsidy of up to ₹78,000 and explained payment in 12 monthly instalments
                 through the partner bank. Ravi worried about monsoon leaks and the inverter's lifetime; the bot
                 said the mounting does not pierce the roof and that panels carry the maker's 25-year warranty,
                 with a 5-year workmanship warranty from Sunrise Solar. He compared a cheaper local quote and
                 asked what differs; the bot named panel brand and warranty. Open questions: net metering
                 paperwork and the installation date. The bot offered a free site survey, which Ravi has not yet
                 accepted. Stage: qualification. Intent: medium. Latest exchange: question %d about the system."}"""
                .formatted(turn).replace("\n", ""));
        byte[] body = Webhooks.text(PHONE_NUMBER_ID, LEAD, "wamid.tokens." + turn, Webhooks.aMinuteAgo(),
                "Thanks. One more thing (" + turn + "): how does the inverter cope with power cuts in summer?");
        Webhooks.postSigned(backend.baseUri().resolve("/webhook"), SECRET, body);
        Waits.until("the bot's reply to message " + turn, WAIT, () -> graph.sends().size() == turn);
    }

    private static void report(ApiClient api, ScriptedLlmServer llm, int turns) {
        String conversation = api.get("/conversations").body().get(0).path("id").asText();
        // newest first: turn n is at index turns - n
        JsonNode listed = api.get("/conversations/" + conversation + "/turns?limit=" + turns).body();
        OpenAiTokenCountEstimator estimator = new OpenAiTokenCountEstimator("gpt-4o-mini");
        List<RecordedRequest> requests = llm.requests();
        List<Integer> promptTokens = new ArrayList<>();
        System.out.printf("%-5s %-10s %8s %8s %9s%n", "turn", "step", "prompt", "answer", "estimate");
        for (int turn : MEASURED) {
            if (turn > turns) {
                continue;
            }
            String turnId = listed.get(turns - turn).path("turn_id").asText();
            JsonNode steps = api.get("/conversations/" + conversation + "/turns/" + turnId).body().path("steps");
            int prompt = 0;
            int answer = 0;
            int estimate = 0;
            for (int i = 0; i < steps.size(); i++) {
                JsonNode step = steps.get(i);
                RecordedRequest request = requests.get((turn - 1) * 4 + i);
                int estimated = estimator.estimateTokenCountInMessages(
                        List.of(SystemMessage.from(request.system()), UserMessage.from(request.user())));
                System.out.printf("%-5d %-10s %8d %8d %9d%n", turn, step.path("step").asText(),
                        step.path("prompt_tokens").asInt(), step.path("completion_tokens").asInt(), estimated);
                prompt += step.path("prompt_tokens").asInt();
                answer += step.path("completion_tokens").asInt();
                estimate += estimated;
            }
            System.out.printf("%-5d %-10s %8d %8d %9d   full turn: %d tokens (target <= 1,500)%n", turn, "all four",
                    prompt, answer, estimate, prompt + answer);
            promptTokens.add(prompt);
        }
        if (promptTokens.size() == 2) {
            System.out.printf("prompt tokens turn %d / turn %d: %.3f (target <= 1.15)%n", MEASURED.get(1),
                    MEASURED.get(0), promptTokens.get(1) / (double) promptTokens.get(0));
        }
    }
}
