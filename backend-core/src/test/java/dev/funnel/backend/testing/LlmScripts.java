package dev.funnel.backend.testing;

import dev.funnel.backend.pipeline.PipelineStep;

/** Scripted model answers for whole pipeline runs. */
public final class LlmScripts {

    private LlmScripts() {
    }

    /** A run that decides SEND_NOW and writes {@code reply}. */
    public static void sendNow(ScriptedLlmServer llm, String reply) {
        sendNow(llm, reply, false, "");
    }

    /** As {@link #sendNow(ScriptedLlmServer, String)}, the analysis asking the knowledge base about {@code query}. */
    public static void sendNowWithKnowledge(ScriptedLlmServer llm, String reply, String query) {
        sendNow(llm, reply, true, query);
    }

    private static void sendNow(ScriptedLlmServer llm, String reply, boolean needKb, String query) {
        llm.script(PipelineStep.ANALYZE, """
                {"situation_summary":"Lead asked about pricing","lead_goal_guess":"Check the price",
                 "missing_info":["team size"],"detected_objections":[],"stage_recommendation":"pricing",
                 "risk_flags":{"spam_risk":"low","policy_risk":"low","hallucination_risk":"low"},
                 "need_kb":{"required":%s,"query":"%s"},"confidence":0.9}""".formatted(needKb, query));
        llm.script(PipelineStep.DECIDE, """
                {"action":"SEND_NOW","why":"Direct pricing question","next_stage":"pricing",
                 "recommended_cta":null,"followup_in_minutes":0,"template_required":false}""");
        llm.script(PipelineStep.GENERATE, """
                {"message_text":"%s","message_language":"en","cta_type":null,"next_stage":"pricing",
                 "state_patch":{"intent_level":"high","user_sentiment":"curious"},
                 "self_check":{"guardrails_pass":true,"violations":[]}}""".formatted(reply));
        llm.script(PipelineStep.SUMMARIZE, """
                {"updated_rolling_summary":"Lead asked about pricing; bot shared the starting price."}""");
    }

    /** A run that decides to wait three hours: no reply now. */
    public static void waitSchedule(ScriptedLlmServer llm) {
        llm.script(PipelineStep.ANALYZE, """
                {"situation_summary":"Lead wants time to think","lead_goal_guess":"Decide later",
                 "missing_info":[],"detected_objections":["timing"],"stage_recommendation":"pricing",
                 "risk_flags":{"spam_risk":"low","policy_risk":"low","hallucination_risk":"low"},
                 "need_kb":{"required":false,"query":""},"confidence":0.8}""");
        llm.script(PipelineStep.DECIDE, """
                {"action":"WAIT_SCHEDULE","why":"Lead asked for time","next_stage":"pricing",
                 "recommended_cta":null,"followup_in_minutes":180,"template_required":false}""");
        llm.script(PipelineStep.SUMMARIZE, """
                {"updated_rolling_summary":"Lead asked about pricing and wants time to think."}""");
    }
}
