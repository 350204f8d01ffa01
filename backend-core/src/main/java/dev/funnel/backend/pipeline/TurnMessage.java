package dev.funnel.backend.pipeline;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * One message of the recent conversation as the prompts see it.
 *
 * @param from who wrote it: {@code lead}, {@code bot} or {@code human} (a person of the organisation)
 */
public record TurnMessage(String from, String text, Instant at) {

    private static final Set<String> SENDERS = Set.of("lead", "bot", "human");

    public TurnMessage {
        if (!SENDERS.contains(from)) {
            throw new IllegalArgumentException("from must be one of " + SENDERS + ", was " + from);
        }
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(at, "at");
    }
}
