package dev.funnel.console.backend;

import java.util.List;

/**
 * A past turn run again with the current prompts, next to what it did then.
 *
 * @param replyThen     what the bot said then; null when it sent nothing
 * @param reconstructed how the backend rebuilt the turn's input, one sentence each
 */
public record Replay(String turnId, String leadMessage, String replyThen, Turn then, DryRun now,
                     List<String> reconstructed) {

    public Replay {
        reconstructed = reconstructed == null ? List.of() : List.copyOf(reconstructed);
    }
}
