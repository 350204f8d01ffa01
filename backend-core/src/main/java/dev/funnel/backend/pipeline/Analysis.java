package dev.funnel.backend.pipeline;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * The analyze step's answer: what is going on in the conversation. Required: the situation
 * summary, the recommended stage and the risk flags (a missing risk must not read as "low").
 * A missing confidence counts as none at all (0), which is the cautious reading.
 *
 * @param leadLanguage the language the lead writes in ("en", "hi-Latn"...); "und" when not said
 */
public record Analysis(String situationSummary, String leadGoalGuess, List<String> missingInfo,
                       List<String> detectedObjections, ConversationStage stageRecommendation,
                       RiskFlags riskFlags, NeedKb needKb, double confidence, String leadLanguage)
        implements StepOutput {

    public Analysis {
        situationSummary = Fields.requiredText(situationSummary, "situation_summary");
        leadGoalGuess = Fields.text(leadGoalGuess);
        missingInfo = Fields.list(missingInfo);
        detectedObjections = Fields.list(detectedObjections);
        Fields.required(stageRecommendation, "stage_recommendation");
        Fields.required(riskFlags, "risk_flags");
        needKb = needKb == null ? NeedKb.NONE : needKb;
        // models sometimes answer 1.2 or -0.1; NaN means they wrote nonsense, which is no confidence
        confidence = Double.isNaN(confidence) ? 0 : Math.clamp(confidence, 0.0, 1.0);
        leadLanguage = Fields.language(leadLanguage);
    }

    public static Analysis fromJson(String json) {
        return StepJson.read(PipelineStep.ANALYZE, json, Analysis.class);
    }

    @Override
    public String toJson() {
        return StepJson.write(this);
    }

    public record RiskFlags(@JsonProperty("spam_risk") RiskLevel spam,
                            @JsonProperty("policy_risk") RiskLevel policy,
                            @JsonProperty("hallucination_risk") RiskLevel hallucination) {
        public RiskFlags {
            Fields.required(spam, "risk_flags.spam_risk");
            Fields.required(policy, "risk_flags.policy_risk");
            Fields.required(hallucination, "risk_flags.hallucination_risk");
        }
    }

    /** Whether answering needs the knowledge base, and what to look up there. */
    public record NeedKb(boolean required, String query) {
        static final NeedKb NONE = new NeedKb(false, "");

        public NeedKb {
            query = Fields.text(query);
        }
    }
}
