package dev.funnel.backend.prompts;

import dev.funnel.backend.pipeline.PipelineStep;
import java.time.Instant;

/**
 * One step's prompt as an organisation has it: its own text, or the default.
 *
 * @param version {@code default-<hash>}, or {@code org-<revision>} for the organisation's own text
 * @param savedAt when the organisation saved its text; null for the default
 */
public record EffectivePrompt(PipelineStep step, String text, String version, boolean overridden, Instant savedAt) {
}
