package dev.funnel.backend.followups;

import dev.funnel.backend.db.Db;
import dev.funnel.backend.worker.BackgroundThreads;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Polls {@code scheduled_actions} every {@code FUNNEL_FOLLOWUP_POLL_MS} and runs the due ones. Any
 * number of backends may share the database: each claims its batch with {@code FOR UPDATE SKIP
 * LOCKED}, and an action left running by a backend that died is claimed again after a while.
 */
public final class FollowupScheduler implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(FollowupScheduler.class.getName());
    private static final int BATCH = 10;
    /** Longer than a follow-up can take (a few model calls and a send), so a live claim is never taken. */
    static final Duration CLAIM_TIMEOUT = Duration.ofMinutes(10);

    private final Db db;
    private final FollowupRunner runner;
    private final Duration poll;
    private final Clock clock;
    private final FollowupRepository followups = new FollowupRepository();
    private final Thread thread;
    private volatile boolean running = true;

    public FollowupScheduler(Db db, FollowupRunner runner, Duration poll, Clock clock) {
        this.db = db;
        this.runner = runner;
        this.poll = poll;
        this.clock = clock;
        this.thread = BackgroundThreads.thread("funnel-followups", this::loop);
    }

    public void start() {
        thread.start();
    }

    private void loop() {
        while (running) {
            try {
                while (running && runDue() == BATCH) {
                    // a full batch: more may be due
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Due follow-ups could not be claimed; trying again", e);
            }
            try {
                Thread.sleep(poll);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Claims a batch of due actions and runs them side by side; returns how many it claimed. */
    int runDue() {
        List<ScheduledAction> due = db.inTransaction(tx -> followups.claimDue(tx, clock.instant(), CLAIM_TIMEOUT, BATCH));
        try (ExecutorService each = Executors.newThreadPerTaskExecutor(BackgroundThreads.factory("funnel-followup-"))) {
            for (ScheduledAction action : due) {
                each.submit(() -> runOne(action));
            }
        }
        return due.size();
    }

    /** An unexpected failure leaves the action running: it is claimed again after the claim timeout. */
    private void runOne(ScheduledAction action) {
        try {
            runner.run(action);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Scheduled action " + action.id() + " failed; it will be tried again", e);
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
