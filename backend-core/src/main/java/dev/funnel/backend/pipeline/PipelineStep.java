package dev.funnel.backend.pipeline;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The four LLM calls of one pipeline run, in the order they happen. */
public enum PipelineStep {
    ANALYZE,
    DECIDE,
    GENERATE,
    SUMMARIZE;

    /** Lower-case name used in prompt files ({@code prompts/<id>.md}), traces and storage. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<PipelineStep> parse(String value) {
        return LenientEnum.parse(value, values(), PipelineStep::id, Map.of(
                "analyse", ANALYZE,
                "summarise", SUMMARIZE));
    }
}
