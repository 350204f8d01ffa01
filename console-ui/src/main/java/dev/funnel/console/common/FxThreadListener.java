package dev.funnel.console.common;

import dev.funnel.console.backend.BackendEvent;
import dev.funnel.console.backend.BackendEventListener;
import dev.funnel.console.backend.ConnectionState;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;

/**
 * Receives live events on the network thread and replays them, in order, on the FX thread to
 * every registered listener; ViewModels therefore never see another thread. Events are handed over
 * in batches at most every {@code interval} (the first after a quiet spell at once): a busy inbox is
 * then laid out and drawn twice a second, not once per event. Each batch moves conversations to the
 * top, so every row on screen is filled again whatever the batch's size: at 10 batches a second that was
 * most of the FX thread's work under load, and each batch's frame is the one a collection pause can
 * stretch past 50 ms (docs/benchmarks.md).
 */
public final class FxThreadListener implements BackendEventListener {

    /** How often a busy stream of events reaches the screen. */
    public static final Duration INTERVAL = Duration.ofMillis(500);

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("live-events-batch").daemon().factory());

    private final List<BackendEventListener> targets = new CopyOnWriteArrayList<>();
    private final Queue<Runnable> pending = new ConcurrentLinkedQueue<>();
    private final long intervalNanos;
    private boolean scheduled;
    private long lastHandOver = Long.MIN_VALUE / 2;

    public FxThreadListener() {
        this(INTERVAL);
    }

    public FxThreadListener(Duration interval) {
        this.intervalNanos = interval.toNanos();
    }

    public void add(BackendEventListener target) {
        targets.add(target);
    }

    public void remove(BackendEventListener target) {
        targets.remove(target);
    }

    @Override
    public void onEvent(BackendEvent event) {
        hand(() -> targets.forEach(t -> t.onEvent(event)));
    }

    @Override
    public void onConnectionState(ConnectionState state) {
        hand(() -> targets.forEach(t -> t.onConnectionState(state)));
    }

    private void hand(Runnable delivery) {
        pending.add(delivery);
        synchronized (this) {
            if (scheduled) {
                return;
            }
            scheduled = true;
            long wait = lastHandOver + intervalNanos - System.nanoTime();
            if (wait <= 0) {
                Platform.runLater(this::deliver);
            } else {
                TIMER.schedule(() -> Platform.runLater(this::deliver), wait, TimeUnit.NANOSECONDS);
            }
        }
    }

    /** On the FX thread: everything that came since the last hand-over, in order. */
    private void deliver() {
        synchronized (this) {
            scheduled = false;
            lastHandOver = System.nanoTime();
        }
        for (Runnable delivery = pending.poll(); delivery != null; delivery = pending.poll()) {
            delivery.run();
        }
    }
}
