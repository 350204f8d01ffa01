package dev.funnel.backend.pipeline;

/**
 * The decide step's answer: what happens next. Required: the action and the next stage.
 *
 * @param recommendedCta    the name of one of the organisation's CTAs, or null when none fits
 * @param followupInMinutes when to look again for {@link DecisionAction#WAIT_SCHEDULE}; 0 otherwise
 * @param templateRequired  true when only an approved template may be sent (24-hour window closed)
 */
public record Decision(DecisionAction action, String why, ConversationStage nextStage, String recommendedCta,
                       int followupInMinutes, boolean templateRequired) implements StepOutput {

    public Decision {
        Fields.required(action, "action");
        why = Fields.text(why);
        Fields.required(nextStage, "next_stage");
        recommendedCta = Fields.textOrNull(recommendedCta);
        if (followupInMinutes < 0) {
            throw new IllegalArgumentException("'followup_in_minutes' must not be negative, was " + followupInMinutes);
        }
    }

    public static Decision fromJson(String json) {
        return StepJson.read(PipelineStep.DECIDE, json, Decision.class);
    }

    @Override
    public String toJson() {
        return StepJson.write(this);
    }
}
