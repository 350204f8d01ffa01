package dev.funnel.console.backend;

/**
 * The language model the backend uses. {@code source} says where the settings come from:
 * "organisation" (set in the console), "environment" (LLM_* variables of the server) or "none".
 */
public record LlmSettings(boolean configured, String baseUrl, String model, boolean hasApiKey, String source) {
}
