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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Tokens per bot turn as a conversation grows (issue "HTL pipeline complete and guarded", point 10),
 * printed as figures, never asserted. In each of two organisations, one lead writes 100 messages through
 * the whole backend and the scripted model answers each with a full pipeline run. The first organisation
 * is a fresh sign-up (no profile, playbook or calls to action: the seed's default turn); the second has
 * what a real one has (a profile of 80 words, a playbook of 120, three calls to action).
 *
 * <p>The scripted answers are as long as the prompts allow: a one-sentence situation summary, a reply of
 * two or three short sentences (44 words), a rolling summary of exactly the 50 words the summarize prompt
 * allows, and no fields the prompts say to leave out. Turns 5 and 100 are counted two ways: the usage the
 * scripted server reports (real o200k_base counts, recorded in the trace as production records a real
 * model's), and langchain4j's own estimate over the same system and user messages.
 * Run: {@code ./funnel bench tokens} (see docs/benchmarks.md); {@code PRINT_PROMPTS=1} also prints the
 * prompts of the measured turns.
 */
public final class TokenBenchmark {

    private static final String SECRET = "token-bench-secret";
    private static final String LEAD = "919812345678";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final List<Integer> MEASURED = List.of(5, 100);

    private static final String PROFILE = """
            Sunrise Solar designs and installs rooftop solar systems for homes and small shops in Pune and Mumbai,
            since 2015. We fit Tier-1 mono PERC panels with the maker's 25-year performance warranty and give our
            own 5-year workmanship warranty. Systems run from 3 kW to 10 kW; a 5 kW system costs about ₹2,90,000
            installed, before the PM Surya Ghar subsidy of up to ₹78,000. Payment upfront or in 12 monthly
            instalments through our partner bank. We handle the net metering paperwork with MSEDCL.""";

    private static final String PLAYBOOK = """
            Qualify before quoting: ask for the monthly electricity bill, the roof type (concrete, tin sheet or
            tiles) and whether the home is owned. Give the installed price and the subsidy together, never the
            price alone. If the lead compares a cheaper quote, never criticise competitors: explain panel brand,
            inverter brand and warranty, and offer to review their quote. For monsoon worries, explain that our
            mounting does not pierce the roof. Offer the free site survey once the lead has shared the bill and
            the roof type; offer a call with an engineer for technical questions about inverters or batteries.
            Never promise an installation date before the survey. If the lead goes quiet after a quote, follow
            up at most twice, mentioning the subsidy.""";

    private static final List<String[]> CTAS = List.of(
            new String[] {"site_survey", "booking", "Free site survey at the lead's home"},
            new String[] {"engineer_call", "call", "15-minute call with a solar engineer"},
            new String[] {"quote_review", "document", "Free review of a competitor's quote"});

    /** An organisation to measure in: its name, its WhatsApp number and whether it has a profile and CTAs. */
    private record Organisation(String label, String name, String phoneNumberId, boolean realistic) {
    }

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
                for (Organisation org : List.of(
                        new Organisation("fresh sign-up: no profile, playbook or CTAs", "Sunrise Solar",
                                "5550009990002", false),
                        new Organisation("realistic: profile 83 words, playbook 123 words, 3 CTAs", "Sunrise Solar Pune",
                                "5550009990003", true))) {
                    measure(backend, llm, graph, org, turns);
                }
            } finally {
                backend.stop();
            }
        }
        System.exit(0);
    }

    private static void measure(RunningBackend backend, ScriptedLlmServer llm, RecordingGraphServer graph,
                                Organisation org, int turns) {
        ApiClient api = new ApiClient(backend.baseUri());
        api.signUp(org.name(), org.phoneNumberId() + "@sunrise.test");
        api.put("/settings/whatsapp", "{\"phone_number_id\":\"%s\",\"access_token\":\"EAAG-tokens\"}"
                .formatted(org.phoneNumberId()));
        if (org.realistic()) {
            describe(backend, org.name());
        }
        List<Integer> firstRequest = new ArrayList<>();
        int sendsBefore = graph.sends().size();
        for (int turn = 1; turn <= turns; turn++) {
            firstRequest.add(llm.requests().size());
            converse(backend, llm, graph, org, turn, sendsBefore + turn);
        }
        report(api, llm, org, turns, firstRequest);
    }

    /** What a real organisation has filled in: its profile, its playbook and three calls to action. */
    private static void describe(RunningBackend backend, String name) {
        backend.db().inTransactionRun(tx -> {
            UUID id = UUID.fromString(tx.queryOne("SELECT id FROM organisations WHERE name = ?",
                    rs -> rs.getString(1), name).orElseThrow());
            tx.update("UPDATE organisations SET business_profile = ?, sales_playbook = ? WHERE id = ?",
                    PROFILE.replace("\n", " "), PLAYBOOK.replace("\n", " "), id);
            for (String[] cta : CTAS) {
                tx.update("""
                        INSERT INTO ctas (id, organisation_id, name, cta_type, description, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""", UUID.randomUUID(), id, cta[0], cta[1], cta[2], Instant.now(),
                        Instant.now());
            }
        });
    }

    /** One lead message and the bot's full turn answering it. */
    private static void converse(RunningBackend backend, ScriptedLlmServer llm, RecordingGraphServer graph,
                                 Organisation org, int turn, int sends) {
        // with no calls to action there is none to recommend: the fields are left out, as the prompts ask
        String cta = org.realistic() ? "\"site_survey\"" : null;
        llm.script(PipelineStep.ANALYZE, """
                {"situation_summary":"Ravi asks how the inverter copes with summer power cuts (question %d).",
                "lead_goal_guess":"Power during outages","missing_info":["roof type"],"stage_recommendation":
                "qualification","risk_flags":{"spam_risk":"low","policy_risk":"low","hallucination_risk":"medium"},
                "lead_language":"en","confidence":0.85}""".formatted(turn).replace("\n", ""));
        llm.script(PipelineStep.DECIDE, """
                {"action":"SEND_NOW","why":"The lead asked a direct question.","next_stage":"qualification"%s}"""
                .formatted(cta == null ? "" : ",\"recommended_cta\":" + cta));
        // the state patch says only what changed: the lead's intent and mood after the first answer
        String statePatch = turn == 1 ? ",\"state_patch\":{\"intent_level\":\"medium\",\"user_sentiment\":\"curious\"}" : "";
        llm.script(PipelineStep.GENERATE, """
                {"message_text":"Good question (%d). In a power cut a standard grid-tied inverter switches off for
                 safety, so the panels alone won't run your home; a hybrid inverter with a battery keeps fans, lights
                 and the fridge going. Shall I add a battery option to your quote?","message_language":"en",%s
                "next_stage":"qualification"%s,"self_check":{"guardrails_pass":true}}"""
                .formatted(turn, cta == null ? "" : "\"cta_type\":" + cta + ",", statePatch).replace("\n", ""));
        // exactly the 50 words the summarize prompt allows
        llm.script(PipelineStep.SUMMARIZE, """
                {"updated_rolling_summary":"Ravi, Pune homeowner, concrete roof, ₹4,000 monthly bill, wants 5 kW.
                 Quoted ₹2,90,000 installed, subsidy up to ₹78,000, 12 monthly instalments. Worried about monsoon
                 leaks and a cheaper quote; told mounting does not pierce the roof, 25-year panel and 5-year
                 workmanship warranties. Open: net metering, install date, survey; question %d."}"""
                .formatted(turn).replace("\n", ""));
        byte[] body = Webhooks.text(org.phoneNumberId(), LEAD, "wamid.tokens." + org.phoneNumberId() + "." + turn,
                writtenAfterTheLastReply(), "Thanks. One more thing (" + turn
                        + "): how does the inverter cope with power cuts in summer?");
        Webhooks.postSigned(backend.baseUri().resolve("/webhook"), SECRET, body);
        Waits.until("the bot's reply to message " + turn, WAIT, () -> graph.sends().size() == sends);
    }

    /**
     * The WhatsApp time of the lead's next message, in whole seconds as Meta sends it: the next second
     * begun, so the message follows the bot's reply it answers, as in a real chat. Without the wait a
     * message stamped in the second of that reply would sort before it.
     */
    private static long writtenAfterTheLastReply() {
        long now = System.currentTimeMillis();
        try {
            Thread.sleep(1000 - now % 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return Instant.now().getEpochSecond();
    }

    private static void report(ApiClient api, ScriptedLlmServer llm, Organisation org, int turns,
                               List<Integer> firstRequest) {
        String conversation = api.get("/conversations").body().get(0).path("id").asText();
        // newest first: turn n is at index turns - n
        JsonNode listed = api.get("/conversations/" + conversation + "/turns?limit=" + turns).body();
        OpenAiTokenCountEstimator estimator = new OpenAiTokenCountEstimator("gpt-4o-mini");
        List<RecordedRequest> requests = llm.requests();
        List<Integer> promptTokens = new ArrayList<>();
        System.out.println();
        System.out.println("Organisation: " + org.label());
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
                RecordedRequest request = requests.get(firstRequest.get(turn - 1) + i);
                int estimated = estimator.estimateTokenCountInMessages(
                        List.of(SystemMessage.from(request.system()), UserMessage.from(request.user())));
                System.out.printf("%-5d %-10s %8d %8d %9d%n", turn, step.path("step").asText(),
                        step.path("prompt_tokens").asInt(), step.path("completion_tokens").asInt(), estimated);
                if (System.getenv("PRINT_PROMPTS") != null) {
                    System.out.println("--- system\n" + request.system() + "\n--- user\n" + request.user()
                            + "\n---");
                }
                prompt += step.path("prompt_tokens").asInt();
                answer += step.path("completion_tokens").asInt();
                estimate += estimated;
            }
            System.out.printf("%-5d %-10s %8d %8d %9d   prompt tokens of the full turn: %d (target <= 1,500);"
                    + " with the answers: %d%n", turn, "all four", prompt, answer, estimate, prompt, prompt + answer);
            promptTokens.add(prompt);
        }
        if (promptTokens.size() == 2) {
            System.out.printf("prompt tokens turn %d / turn %d: %.3f (target <= 1.15)%n", MEASURED.get(1),
                    MEASURED.get(0), promptTokens.get(1) / (double) promptTokens.get(0));
        }
    }
}
