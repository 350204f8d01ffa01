package dev.funnel.console.backend;

import java.util.Locale;

/** The pipeline steps that have a prompt, in the order a turn runs them (follow-ups last). */
public enum PromptStep {
    ANALYZE,
    DECIDE,
    GENERATE,
    SUMMARIZE,
    FOLLOWUP;

    /** The step as the backend names it in {@code /prompts/{step}}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
