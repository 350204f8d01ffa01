package dev.funnel.backend.pipeline;

/** The summarize step's answer: the conversation's memory, replacing the previous rolling summary. */
public record Summary(String updatedRollingSummary) implements StepOutput {

    public Summary {
        updatedRollingSummary = Fields.requiredText(updatedRollingSummary, "updated_rolling_summary");
    }

    public static Summary fromJson(String json) {
        return StepJson.read(PipelineStep.SUMMARIZE, json, Summary.class);
    }

    @Override
    public String toJson() {
        return StepJson.write(this);
    }
}
