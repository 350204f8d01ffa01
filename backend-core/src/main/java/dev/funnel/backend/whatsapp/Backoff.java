package dev.funnel.backend.whatsapp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * How a call that Meta refused for a passing reason is tried again: waits doubling from
 * {@code firstDelay}, at most {@code maxAttempts} calls in all and at most {@code maxTotalWait} spent
 * waiting. Both bounds matter because a person's send waits for its answer and a bot turn holds a
 * worker thread.
 */
public record Backoff(int maxAttempts, Duration firstDelay, Duration maxTotalWait) {

    private static final Logger LOG = Logger.getLogger(Backoff.class.getName());

    public Backoff {
        if (maxAttempts < 1 || firstDelay.isNegative() || maxTotalWait.isNegative()) {
            throw new IllegalArgumentException("A backoff needs at least one attempt and no negative waits");
        }
    }

    /** The waits between attempts, in order. */
    List<Duration> delays() {
        List<Duration> delays = new ArrayList<>();
        Duration next = firstDelay;
        Duration total = Duration.ZERO;
        while (delays.size() < maxAttempts - 1 && total.plus(next).compareTo(maxTotalWait) <= 0) {
            delays.add(next);
            total = total.plus(next);
            next = next.multipliedBy(2);
        }
        return delays;
    }

    /** Runs the call, again after each wait while it fails with a retriable refusal; the last failure is thrown. */
    <T> T run(Supplier<T> call) {
        Iterator<Duration> waits = delays().iterator();
        while (true) {
            try {
                return call.get();
            } catch (WhatsAppApiException e) {
                if (e.kind() != WhatsAppApiException.Kind.RETRIABLE || !waits.hasNext()) {
                    throw e;
                }
                Duration wait = waits.next();
                LOG.info(() -> e.getMessage() + "; trying again in " + wait.toMillis() + " ms");
                sleep(wait);
            }
        }
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WhatsAppApiException(0, null, "Interrupted while waiting to call the WhatsApp API again", e);
        }
    }
}
