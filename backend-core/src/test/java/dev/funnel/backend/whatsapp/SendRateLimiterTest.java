package dev.funnel.backend.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The token bucket on a hand-driven clock: which calls go at once and in what order the others wait. */
class SendRateLimiterTest {

    private final AtomicLong now = new AtomicLong();
    private final SendRateLimiter limiter = new SendRateLimiter(80, now::get);

    @Test
    void aBurstBeyondTheRateWaitsInTheOrderItAsked() {
        List<Duration> waits = new ArrayList<>();
        for (int i = 0; i < 83; i++) {
            waits.add(limiter.reserve("5550001"));
        }

        assertThat(waits.subList(0, 80)).allMatch(Duration::isZero);
        assertThat(waits.subList(80, 83)).containsExactly(Duration.ofNanos(12_500_000), Duration.ofNanos(25_000_000),
                Duration.ofNanos(37_500_000));
    }

    @Test
    void tokensComeBackAtTheConfiguredRate() {
        for (int i = 0; i < 80; i++) {
            limiter.reserve("5550001");
        }
        now.addAndGet(Duration.ofMillis(25).toNanos());

        assertThat(limiter.reserve("5550001")).isZero();
        assertThat(limiter.reserve("5550001")).isZero();
        assertThat(limiter.reserve("5550001")).isPositive();
    }

    @Test
    void eachNumberHasItsOwnBucket() {
        for (int i = 0; i < 80; i++) {
            limiter.reserve("5550001");
        }

        assertThat(limiter.reserve("5550001")).isPositive();
        assertThat(limiter.reserve("5550002")).isZero();
    }
}
