package dev.funnel.backend.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting for asynchronous work (the worker, the queue) without fixed sleeps. */
public final class Waits {

    private Waits() {
    }

    public static void until(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            pause();
        }
        throw new AssertionError("Timed out after " + timeout + " waiting for " + what);
    }

    static void pause() {
        try {
            Thread.sleep(25);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
