package dev.funnel.backend.worker;

import static dev.funnel.backend.EnvNumbers.atLeastOne;
import static dev.funnel.backend.EnvNumbers.wholeNumber;

import dev.funnel.backend.pipeline.LlmClient;
import java.time.Duration;
import java.util.Map;

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
        long timeoutSeconds = atLeastOne(env, "LLM_TIMEOUT_SECONDS", LlmClient.DEFAULT_TIMEOUT.toSeconds());
        long pollMillis = atLeastOne(env, "FUNNEL_FOLLOWUP_POLL_MS", 5000);
        return new WorkerConfig(
                Duration.ofMillis(wholeNumber(env, "FUNNEL_DEBOUNCE_MS", 5000)),
                (int) wholeNumber(env, "FUNNEL_MAX_RECEIVES", 5),
                Duration.ofSeconds(wholeNumber(env, "FUNNEL_VISIBILITY_SECONDS", 60)),
                (int) wholeNumber(env, "FUNNEL_MAX_PARALLEL_TURNS", 64),
                Duration.ofSeconds(timeoutSeconds),
                Duration.ofMillis(wholeNumber(env, "FUNNEL_TURN_RETRY_MS", 4000)),
                Duration.ofMillis(pollMillis));
    }
}
