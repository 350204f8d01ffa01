package dev.funnel.backend.pipeline;

/**
 * A prompt with every placeholder filled in, ready to send as a system and a user message; a second
 * attempt also carries the model's first answer and what was wrong with it.
 *
 * @param previousAnswer the model's answer that could not be used; null on a first attempt
 * @param correction     what was wrong with it and what to do instead; null on a first attempt
 */
public record RenderedPrompt(String system, String user, String previousAnswer, String correction) {

    public RenderedPrompt(String system, String user) {
        this(system, user, null, null);
    }

    /** The same prompt, asking again after {@code answer} was refused for the reason given. */
    public RenderedPrompt retry(String answer, String why) {
        return new RenderedPrompt(system, user, answer, why);
    }
}
