package dev.funnel.backend.scenarios;

import static dev.funnel.backend.pipeline.ConversationStage.CLOSED;
import static dev.funnel.backend.pipeline.ConversationStage.GREETING;
import static dev.funnel.backend.pipeline.ConversationStage.PRICING;
import static dev.funnel.backend.pipeline.ConversationStage.QUALIFICATION;
import static dev.funnel.backend.pipeline.DecisionAction.HANDOFF_HUMAN;
import static dev.funnel.backend.pipeline.DecisionAction.SEND_NOW;
import static dev.funnel.backend.pipeline.IntentLevel.HIGH;
import static dev.funnel.backend.pipeline.IntentLevel.MEDIUM;
import static dev.funnel.backend.pipeline.RiskLevel.LOW;
import static dev.funnel.backend.pipeline.Sentiment.CURIOUS;
import static dev.funnel.backend.pipeline.Sentiment.HESITANT;
import static dev.funnel.backend.scenarios.Answers.analysis;
import static dev.funnel.backend.scenarios.Answers.decision;
import static dev.funnel.backend.scenarios.Answers.message;
import static dev.funnel.backend.scenarios.Answers.summary;

import dev.funnel.backend.pipeline.PipelineStep;
import dev.funnel.backend.pipeline.RiskLevel;
import dev.funnel.backend.testing.ScriptedLlmServer;
import java.util.List;
import java.util.function.Consumer;

/** Each scenario with what the scripted model answers in it, and what the backend must make of that. */
final class ScriptedScenarios {

    /**
     * What a turn must leave behind.
     *
     * @param sent     the text sent to the lead through the Graph API; null when nothing may be sent
     * @param summary  the rolling summary; null when the conversation has none
     * @param steps    the trace's step rows, in order
     * @param outcomes the trace's other rows (guardrail_*, handoff, wait_decided), in any order
     */
    record Expected(String sent, String stage, String intent, String sentiment, String mode, boolean needsAttention,
                    String summary, List<String> steps, List<String> outcomes) {
    }

    record Case(Scenario scenario, Consumer<ScriptedLlmServer> answers, Expected expected) {

        @Override
        public String toString() {
            return scenario.id();
        }
    }

    static final List<String> ALL_STEPS = List.of("analyze", "decide", "generate", "summarize");
    static final List<String> NO_GENERATE = List.of("analyze", "decide", "summarize");

    static final String PRICE_REPLY = "A 5 kW system is ₹2,90,000 installed, before a subsidy of up to ₹78,000."
            + " What is your monthly electricity bill?";
    static final String PRICE_SUMMARY = "New lead asked the price of a 5 kW system; the bot quoted ₹2,90,000 before"
            + " subsidy and asked the monthly bill.";

    private static final String OBJECTION_REPLY = "Fair point: quotes differ in panels and warranty. Ours includes a"
            + " 5-year workmanship warranty, and the subsidy brings it to about ₹2,12,000. Shall I book a free site"
            + " survey so you can compare like for like?";
    private static final String SPANISH_REPLY = "¡Sí! Puede pagar en 12 cuotas mensuales con nuestro banco asociado."
            + " ¿Le reservo una visita gratuita para medir el techo?";
    private static final String HINDI_REPLY = "जी हाँ, आप हमारे साझेदार बैंक के साथ 12 मासिक किस्तों में भुगतान कर सकते हैं।"
            + " क्या मैं आपके लिए मुफ़्त साइट सर्वे बुक करूँ?";
    private static final String ENGLISH_REPLY = "Yes, you can pay in 12 monthly instalments through our partner bank."
            + " Shall I book a free site survey?";

    private ScriptedScenarios() {
    }

    /** The pricing conversation, answered by the bot. */
    static void pricingAnswers(ScriptedLlmServer llm) {
        llm.script(PipelineStep.ANALYZE, analysis(PRICING, 0.9, LOW, "en", null));
        llm.script(PipelineStep.DECIDE, decision(SEND_NOW, PRICING, 0));
        llm.script(PipelineStep.GENERATE, message(PRICE_REPLY, "en", PRICING, HIGH, CURIOUS));
        llm.script(PipelineStep.SUMMARIZE, summary(PRICE_SUMMARY));
    }

    static final Expected PRICING_ANSWERED = new Expected(PRICE_REPLY, "pricing", "high", "curious", "bot", false,
            PRICE_SUMMARY, ALL_STEPS, List.of("followup_scheduled"));

    static List<Case> conversations() {
        return List.of(
                new Case(Scenarios.PRICING, ScriptedScenarios::pricingAnswers, PRICING_ANSWERED),
                new Case(Scenarios.OBJECTION, llm -> {
                    llm.script(PipelineStep.ANALYZE, analysis(PRICING, 0.85, LOW, "en", "price_concern"));
                    llm.script(PipelineStep.DECIDE, decision(SEND_NOW, PRICING, 0));
                    llm.script(PipelineStep.GENERATE, message(OBJECTION_REPLY, "en", PRICING, MEDIUM, HESITANT));
                    llm.script(PipelineStep.SUMMARIZE, summary("Lead finds ₹2,90,000 too high against a cheaper local"
                            + " quote; the bot explained the warranty and offered a site survey."));
                }, new Expected(OBJECTION_REPLY, "pricing", "medium", "hesitant", "bot", false,
                        "Lead finds ₹2,90,000 too high against a cheaper local quote; the bot explained the warranty"
                                + " and offered a site survey.", ALL_STEPS, List.of("followup_scheduled"))),
                // the model would apologise itself; the guardrail sees the complaint's policy risk and hands off
                new Case(Scenarios.ANGRY_LEAD, handedOff(analysis(CLOSED, 0.9, RiskLevel.HIGH, "en", "complaint"),
                        decision(SEND_NOW, CLOSED, 0), "Customer complains that the installer missed two visits"
                                + " and wants the deposit back; handed to a person."),
                        new Expected(null, "closed", "high", "hesitant", "human", true, "Customer complains that the"
                                + " installer missed two visits and wants the deposit back; handed to a person.",
                                NO_GENERATE, List.of("guardrail_policy_risk", "handoff"))),
                // the model would reply although the lead wrote 26 hours ago: only a template may go out now
                new Case(Scenarios.WINDOW_CLOSED, llm -> {
                    llm.script(PipelineStep.ANALYZE, analysis(QUALIFICATION, 0.8, LOW, "en", null));
                    llm.script(PipelineStep.DECIDE, decision(SEND_NOW, QUALIFICATION, 0));
                    llm.script(PipelineStep.SUMMARIZE, summary("Lead asked whether the subsidy offer still runs;"
                            + " the window had closed, so no reply yet."));
                }, new Expected(null, "qualification", "unknown", "neutral", "bot", false, "Lead asked whether the"
                        + " subsidy offer still runs; the window had closed, so no reply yet.", NO_GENERATE,
                        List.of("guardrail_window_closed", "wait_decided", "followup_scheduled"))),
                new Case(Scenarios.ASKS_FOR_HUMAN, handedOff(analysis(QUALIFICATION, 0.9, LOW, "en", null),
                        decision(HANDOFF_HUMAN, QUALIFICATION, 0), "Lead comparing 3 kW offers asked to talk to"
                                + " a person on a call; handed over."),
                        new Expected(null, "qualification", "medium", "neutral", "human", true, "Lead comparing 3 kW"
                                + " offers asked to talk to a person on a call; handed over.", NO_GENERATE,
                                List.of("handoff"))),
                new Case(Scenarios.LOW_CONFIDENCE, handedOff(analysis(GREETING, 0.3, LOW, "en", null),
                        decision(SEND_NOW, GREETING, 0), "Unclear message about a brother's system; handed over."),
                        new Expected(null, "greeting", "unknown", "neutral", "human", true, "Unclear message about"
                                + " a brother's system; handed over.", NO_GENERATE,
                                List.of("guardrail_low_confidence", "handoff"))),
                languageSwitch(Scenarios.SPANISH, SPANISH_REPLY),
                languageSwitch(Scenarios.HINDI, HINDI_REPLY));
    }

    private static Consumer<ScriptedLlmServer> handedOff(String analysis, String decision, String summary) {
        return llm -> {
            llm.script(PipelineStep.ANALYZE, analysis);
            llm.script(PipelineStep.DECIDE, decision);
            llm.script(PipelineStep.SUMMARIZE, summary(summary));
        };
    }

    /** The model answers in English first; the guardrail has it written again in the lead's language. */
    private static Case languageSwitch(Scenario scenario, String reply) {
        String language = scenario.expectedLanguage();
        String summary = "Lead switched to " + language + " and asked about paying in instalments;"
                + " the bot offered 12 monthly instalments and a site survey.";
        return new Case(scenario, llm -> {
            llm.script(PipelineStep.ANALYZE, analysis(QUALIFICATION, 0.85, LOW, language, null));
            llm.script(PipelineStep.DECIDE, decision(SEND_NOW, QUALIFICATION, 0));
            llm.script(PipelineStep.GENERATE, message(ENGLISH_REPLY, "en", QUALIFICATION, HIGH, CURIOUS),
                    message(reply, language, QUALIFICATION, HIGH, CURIOUS));
            llm.script(PipelineStep.SUMMARIZE, summary(summary));
        }, new Expected(reply, "qualification", "high", "curious", "bot", false, summary,
                List.of("analyze", "decide", "generate", "generate", "summarize"),
                List.of("guardrail_message_rewritten", "followup_scheduled")));
    }
}
