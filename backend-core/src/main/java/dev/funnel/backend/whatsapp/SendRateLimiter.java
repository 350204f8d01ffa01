package dev.funnel.backend.whatsapp;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Keeps each business number under Meta's throughput (error 130429 beyond it) with a token bucket per
 * phone_number_id: up to one second's worth of calls go at once, then each call waits for its token.
 * A call reserves its token before waiting, so calls go out in the order they asked.
 */
final class SendRateLimiter {

    private static final double NANOS_PER_SECOND = 1e9;

    private final int perSecond;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    SendRateLimiter(int perSecond) {
        this(perSecond, System::nanoTime);
    }

    SendRateLimiter(int perSecond, LongSupplier nanoTime) {
        this.perSecond = perSecond;
        this.nanoTime = nanoTime;
    }

    /** Waits until this number may make another call. */
    void acquire(String phoneNumberId) {
        Duration wait = reserve(phoneNumberId);
        if (!wait.isZero()) {
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WhatsAppApiException(0, null, "Interrupted while waiting for the number's send rate", e);
            }
        }
    }

    /** Takes the number's next token and says how long to wait before it may be used. */
    Duration reserve(String phoneNumberId) {
        return buckets.computeIfAbsent(phoneNumberId, id -> new Bucket(nanoTime.getAsLong())).take();
    }

    private final class Bucket {

        /** Below zero when calls are already waiting: their tokens are promised ahead of time. */
        private double tokens = perSecond;
        private long refilledAt;

        Bucket(long now) {
            this.refilledAt = now;
        }

        synchronized Duration take() {
            long now = nanoTime.getAsLong();
            tokens = Math.min(perSecond, tokens + (now - refilledAt) * perSecond / NANOS_PER_SECOND);
            refilledAt = now;
            tokens -= 1;
            return tokens >= 0 ? Duration.ZERO
                    : Duration.ofNanos((long) Math.ceil(-tokens * NANOS_PER_SECOND / perSecond));
        }
    }
}
