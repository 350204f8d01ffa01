package dev.funnel.backend.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private static final Backoff QUICK = new Backoff(5, Duration.ofMillis(1), Duration.ofSeconds(1));

    @Test
    void waitsDoubleUpToTheNumberOfAttempts() {
        assertThat(QUICK.delays()).containsExactly(Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(4),
                Duration.ofMillis(8));
    }

    @Test
    void waitsStopBeforeTheyExceedTheBudget() {
        Backoff backoff = new Backoff(10, Duration.ofSeconds(1), Duration.ofSeconds(10));

        assertThat(backoff.delays()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(4));
    }

    @Test
    void aRetriableRefusalIsTriedAgainUntilItSucceeds() {
        AtomicInteger calls = new AtomicInteger();

        String result = QUICK.run(() -> {
            if (calls.incrementAndGet() < 3) {
                throw new WhatsAppApiException(400, "131056", "Pair rate limit hit", null);
            }
            return "wamid.OK";
        });

        assertThat(result).isEqualTo("wamid.OK");
        assertThat(calls).hasValue(3);
    }

    @Test
    void theLastRetriableRefusalIsThrownOnceTheAttemptsAreUsedUp() {
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> QUICK.run(() -> {
            calls.incrementAndGet();
            throw new WhatsAppApiException(503, null, "Service Unavailable", null);
        })).isInstanceOf(WhatsAppApiException.class).hasMessageContaining("Service Unavailable");
        assertThat(calls).hasValue(5);
    }

    @Test
    void aPermanentRefusalIsNotTriedAgain() {
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> QUICK.run(() -> {
            calls.incrementAndGet();
            throw new WhatsAppApiException(400, "131047", "Re-engagement message", null);
        })).isInstanceOf(WhatsAppApiException.class);
        assertThat(calls).hasValue(1);
    }
}
