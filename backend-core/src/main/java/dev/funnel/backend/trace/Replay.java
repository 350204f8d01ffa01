package dev.funnel.backend.trace;

import java.util.List;
import java.util.UUID;

/**
 * A past turn run again with the current prompts, next to what it did then.
 *
 * @param replyThen     the bot's reply in that turn; null when it sent none (it waited or handed off)
 * @param then          the turn's trace as recorded
 * @param now           what the pipeline answers today on the rebuilt input
 * @param reconstructed how each input of the rebuilt turn was obtained, one sentence each
 */
public record Replay(UUID turnId, String leadMessage, String replyThen, Turn then, DryRun now,
                     List<String> reconstructed) {
}
