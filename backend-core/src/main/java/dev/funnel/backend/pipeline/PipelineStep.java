package dev.funnel.backend.pipeline;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The LLM calls Funnel makes, each with its own prompt: the four of a turn in the order they happen,
 * then the follow-up nudge written after a lead went quiet.
 */
public enum PipelineStep {
    ANALYZE,
    DECIDE,
    GENERATE,
    SUMMARIZE,
    FOLLOWUP;

    /** Lower-case name used in prompt files ({@code prompts/<id>.md}), traces and storage. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<PipelineStep> parse(String value) {
        return LenientEnum.parse(value, values(), PipelineStep::id, Map.of(
                "analyse", ANALYZE,
                "summarise", SUMMARIZE,
                "follow_up", FOLLOWUP));
    }
}
