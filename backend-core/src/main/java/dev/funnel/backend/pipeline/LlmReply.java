package dev.funnel.backend.pipeline;

/** One answer of the model, with what it cost: tokens as the server counted them, and wall time. */
public record LlmReply(String text, int inputTokens, int outputTokens, long latencyMs) {
}
