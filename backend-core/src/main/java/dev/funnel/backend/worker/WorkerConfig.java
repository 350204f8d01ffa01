package dev.funnel.backend.worker;

import dev.funnel.backend.pipeline.LlmClient;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * How the worker paces itself: {@code FUNNEL_DEBOUNCE_MS} (a burst from one lead within it is one
 * turn, default 5000), {@code FUNNEL_MAX_RECEIVES} (attempts before a webhook is kept as rejected,
 * default 5), {@code FUNNEL_VISIBILITY_SECONDS} (how long a message in work stays hidden, renewed
 * while it is worked on, default 60), {@code FUNNEL_MAX_PARALLEL_TURNS} (default 64),
 * {@code LLM_TIMEOUT_SECONDS} (how long one model call may take, default 60),
 * {@code FUNNEL_TURN_RETRY_MS} (the first wait before a turn whose model call failed for a passing
 * reason runs again, doubled for each of the three retries, default 4000) and
 * {@code FUNNEL_FOLLOWUP_POLL_MS} (how often due follow-ups are looked for, default 5000).
 */
public record WorkerConfig(Duration debounce, int maxReceives, Duration visibility, int maxParallelTurns,
                           Duration llmTimeout, Duration turnRetryDelay, Duration followupPoll) {

    public static WorkerConfig fromEnvironment(Map<String, String> env) {
        long timeoutSeconds = number(env, "LLM_TIMEOUT_SECONDS", LlmClient.DEFAULT_TIMEOUT.toSeconds());
        if (timeoutSeconds == 0) {
            throw new IllegalArgumentException("LLM_TIMEOUT_SECONDS must be at least 1");
        }
        long pollMillis = number(env, "FUNNEL_FOLLOWUP_POLL_MS", 5000);
        if (pollMillis == 0) {
            throw new IllegalArgumentException("FUNNEL_FOLLOWUP_POLL_MS must be at least 1");
        }
        return new WorkerConfig(
                Duration.ofMillis(number(env, "FUNNEL_DEBOUNCE_MS", 5000)),
                (int) number(env, "FUNNEL_MAX_RECEIVES", 5),
                Duration.ofSeconds(number(env, "FUNNEL_VISIBILITY_SECONDS", 60)),
                (int) number(env, "FUNNEL_MAX_PARALLEL_TURNS", 64),
                Duration.ofSeconds(timeoutSeconds),
                Duration.ofMillis(number(env, "FUNNEL_TURN_RETRY_MS", 4000)),
                Duration.ofMillis(pollMillis));
    }

    private static long number(Map<String, String> env, String name, long fallback) {
        String raw = Optional.ofNullable(env.get(name)).map(String::trim).orElse("");
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            long value = Long.parseLong(raw);
            if (value < 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number of 0 or more, not '" + raw + "'");
        }
    }
}
