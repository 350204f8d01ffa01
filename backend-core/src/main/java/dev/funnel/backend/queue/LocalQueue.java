package dev.funnel.backend.queue;

import dev.funnel.backend.db.Db;
import dev.funnel.backend.db.Tx;
import dev.funnel.gateway.queue.InboundQueue;
import dev.funnel.gateway.queue.QueueException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

/**
 * Solo mode's durable queue: a table in the same database. It behaves like SQS (visibility timeout,
 * receive count, delete after the work is committed) so the worker does not care which one it has.
 */
public final class LocalQueue implements InboundQueue, QueueConsumer {

    private final Db db;
    private final Clock clock;
    private final Duration visibility;
    private final Object signal = new Object();

    public LocalQueue(Db db, Clock clock, Duration visibility) {
        this.db = db;
        this.clock = clock;
        this.visibility = visibility;
    }

    @Override
    public void enqueue(byte[] rawBody) {
        Instant now = clock.instant();
        try {
            db.inTransactionRun(tx -> tx.update(
                    "INSERT INTO inbound_queue (body, enqueued_at, visible_at) VALUES (?, ?, ?)", rawBody, now, now));
        } catch (RuntimeException e) {
            throw new QueueException("The local queue did not accept the webhook", e);
        }
        synchronized (signal) {
            signal.notifyAll();
        }
    }

    @Override
    public boolean isReachable() {
        try {
            db.inTransaction(tx -> tx.query("SELECT 1", rs -> 1));
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public List<QueuedMessage> receive(int max, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            List<QueuedMessage> batch = claim(max);
            long left = deadline - System.nanoTime();
            if (!batch.isEmpty() || left <= 0) {
                return batch;
            }
            synchronized (signal) {
                try {
                    // woken by enqueue; the timeout also catches messages whose visibility ran out
                    signal.wait(Math.max(1, Math.min(Duration.ofNanos(left).toMillis(), 1000)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return List.of();
                }
            }
        }
    }

    private List<QueuedMessage> claim(int max) {
        Instant now = clock.instant();
        return db.inTransaction(tx -> {
            List<QueuedMessage> batch = tx.query("""
                    SELECT id, body, receive_count FROM inbound_queue WHERE visible_at <= ?
                    ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED""",
                    rs -> new QueuedMessage(Long.toString(rs.getLong("id")), rs.getBytes("body"),
                            rs.getInt("receive_count") + 1), now, max);
            if (!batch.isEmpty()) {
                tx.update("UPDATE inbound_queue SET visible_at = ?, receive_count = receive_count + 1 WHERE id IN ("
                        + placeholders(batch.size()) + ")",
                        Stream.concat(Stream.of(now.plus(visibility)), Arrays.stream(ids(batch))).toArray());
            }
            return batch;
        });
    }

    @Override
    public void delete(List<QueuedMessage> messages) {
        if (!messages.isEmpty()) {
            db.inTransactionRun(tx -> tx.update(
                    "DELETE FROM inbound_queue WHERE id IN (" + placeholders(messages.size()) + ")", ids(messages)));
        }
    }

    private static Object[] ids(List<QueuedMessage> messages) {
        return messages.stream().map(m -> Long.parseLong(m.handle())).toArray();
    }

    private static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    @Override
    public void extend(QueuedMessage message, Duration visibility) {
        release(message, visibility);
    }

    @Override
    public void release(QueuedMessage message, Duration delay) {
        db.inTransactionRun(tx -> tx.update("UPDATE inbound_queue SET visible_at = ? WHERE id = ?",
                clock.instant().plus(delay), Long.parseLong(message.handle())));
    }

    /** Messages still waiting (for health and tests). */
    public int depth() {
        return db.inTransaction(tx -> count(tx));
    }

    private static int count(Tx tx) {
        return tx.queryOne("SELECT COUNT(*) AS n FROM inbound_queue", rs -> rs.getInt("n")).orElse(0);
    }
}
