package dev.funnel.backend.scenarios;

import dev.funnel.backend.pipeline.ConversationStage;
import dev.funnel.backend.pipeline.DecisionAction;
import dev.funnel.backend.pipeline.IntentLevel;
import dev.funnel.backend.pipeline.RiskLevel;
import dev.funnel.backend.pipeline.Sentiment;

/** The steps' JSON answers as a model writes them, built from typed values. */
final class Answers {

    private Answers() {
    }

    static String analysis(ConversationStage stage, double confidence, RiskLevel policyRisk, String language,
                           String objection) {
        return """
                {"situation_summary":"The lead wrote about %s","lead_goal_guess":"Get an answer",
                 "missing_info":["monthly bill"],"detected_objections":[%s],"stage_recommendation":"%s",
                 "risk_flags":{"spam_risk":"low","policy_risk":"%s","hallucination_risk":"low"},
                 "need_kb":{"required":false,"query":""},"lead_language":"%s","confidence":%s}"""
                .formatted(stage.id(), objection == null ? "" : "\"" + objection + "\"", stage.id(), policyRisk.id(),
                        language, confidence);
    }

    static String decision(DecisionAction action, ConversationStage next, int followupMinutes) {
        return """
                {"action":"%s","why":"The model's reason for %s","next_stage":"%s","recommended_cta":null,
                 "followup_in_minutes":%d,"template_required":false}"""
                .formatted(action.id(), action.id(), next.id(), followupMinutes);
    }

    static String message(String text, String language, ConversationStage next, IntentLevel intent,
                          Sentiment sentiment) {
        return """
                {"message_text":"%s","message_language":"%s","cta_type":null,"next_stage":"%s",
                 "state_patch":{"intent_level":"%s","user_sentiment":"%s"},
                 "self_check":{"guardrails_pass":true,"violations":[]}}"""
                .formatted(text, language, next.id(), intent.id(), sentiment.id());
    }

    static String summary(String text) {
        return "{\"updated_rolling_summary\":\"" + text + "\"}";
    }
}
