package dev.funnel.backend.worker;

import dev.funnel.backend.conversations.ConversationRef;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * When bot turns run. A burst of messages from one lead becomes one turn: each new message restarts
 * the lead's debounce window (up to a cap, so a chatty lead is still answered). One lead's turns run
 * one after another, in order; different leads' turns run in parallel, bounded.
 */
public final class TurnScheduler implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(TurnScheduler.class.getName());

    /** One conversation's timer and run state; guarded by its own monitor. */
    private static final class Slot {
        ScheduledFuture<?> timer;
        long generation; // a timer that fires after being replaced must not start a turn
        long firstWaitNanos;
        boolean running;
        boolean again;
    }

    private final Duration debounce;
    private final Duration maxWait;
    private final Function<ConversationRef, Optional<Duration>> turn;
    private final ScheduledExecutorService timers =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("funnel-turn-timer").daemon().factory());
    /** At most maxParallelTurns turns at once; the others wait in its queue, not in a thread. */
    private final ThreadPoolExecutor runners;
    private final Map<ConversationRef, Slot> slots = new ConcurrentHashMap<>();

    /** @param turn runs one turn; returns a delay when the turn should be tried again */
    public TurnScheduler(Duration debounce, int maxParallelTurns, Function<ConversationRef, Optional<Duration>> turn) {
        this.debounce = debounce;
        this.maxWait = debounce.multipliedBy(3);
        this.turn = turn;
        this.runners = new ThreadPoolExecutor(maxParallelTurns, maxParallelTurns, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), BackgroundThreads.factory("funnel-turn-"));
        runners.allowCoreThreadTimeOut(true);
    }

    /** A lead message for this conversation was stored: (re)start its debounce window. */
    public void messageArrived(ConversationRef conversation) {
        schedule(conversation, debounce);
    }

    /** Runs a turn as soon as possible (after a restart, or to retry). */
    public void runSoon(ConversationRef conversation, Duration delay) {
        schedule(conversation, delay);
    }

    private void schedule(ConversationRef ref, Duration delay) {
        while (true) {
            Slot slot = slots.computeIfAbsent(ref, r -> new Slot());
            synchronized (slot) {
                if (slots.get(ref) != slot) {
                    continue; // its last turn just ended and retired it: take a fresh one
                }
                if (slot.running) {
                    slot.again = true; // picked up right after the running turn
                    return;
                }
                long now = System.nanoTime();
                if (slot.timer == null) {
                    slot.firstWaitNanos = now;
                } else {
                    slot.timer.cancel(false);
                }
                long capped = Math.min(delay.toNanos(), Math.max(0, slot.firstWaitNanos + maxWait.toNanos() - now));
                slot.timer = arm(ref, slot, capped);
                return;
            }
        }
    }

    private ScheduledFuture<?> arm(ConversationRef ref, Slot slot, long delayNanos) {
        long generation = ++slot.generation;
        return timers.schedule(() -> start(ref, slot, generation), delayNanos, TimeUnit.NANOSECONDS);
    }

    private void start(ConversationRef ref, Slot slot, long generation) {
        synchronized (slot) {
            if (generation != slot.generation || slot.running) {
                return;
            }
            slot.timer = null;
            slot.running = true;
            slot.again = false;
        }
        runners.execute(() -> run(ref, slot));
    }

    private void run(ConversationRef ref, Slot slot) {
        Optional<Duration> retry = Optional.empty();
        try {
            retry = turn.apply(ref);
        } catch (RuntimeException e) {
            // the messages stay pending in the database; a later message or a restart picks them up
            LOG.log(Level.WARNING, "A bot turn failed for conversation " + ref.conversationId(), e);
        }
        synchronized (slot) {
            slot.running = false;
            if (slot.again || retry.isPresent()) {
                slot.again = false;
                slot.firstWaitNanos = System.nanoTime();
                slot.timer = arm(ref, slot, retry.map(Duration::toNanos).orElse(0L));
            } else {
                slots.remove(ref, slot);
            }
        }
    }

    /** Conversations with a turn waiting or running (for health and tests). */
    public int busy() {
        return slots.size();
    }

    @Override
    public void close() {
        timers.shutdownNow();
        runners.shutdownNow();
        try {
            runners.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
