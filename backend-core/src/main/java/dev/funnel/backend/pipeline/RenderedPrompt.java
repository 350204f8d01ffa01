package dev.funnel.backend.pipeline;

/** A prompt with every placeholder filled in, ready to send as a system and a user message. */
public record RenderedPrompt(String system, String user) {
}
