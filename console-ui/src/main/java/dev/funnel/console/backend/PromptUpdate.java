package dev.funnel.console.backend;

/** The body of {@code PUT /prompts/{step}}. */
public record PromptUpdate(String text) {
}
