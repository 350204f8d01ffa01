package dev.funnel.backend.queue;

import java.time.Duration;
import java.util.List;

/**
 * The worker's side of the inbound queue. A received message stays invisible to other consumers
 * until it is deleted (done) or its visibility runs out (redelivered), as with SQS.
 */
public interface QueueConsumer {

    /** Waits up to {@code wait} for messages; returns at most {@code max}, possibly none. */
    List<QueuedMessage> receive(int max, Duration wait);

    /** The messages' work is committed: they must never be delivered again. */
    void delete(List<QueuedMessage> messages);

    /** The message is still in work: keep it hidden from other consumers for another {@code visibility}. */
    void extend(QueuedMessage message, Duration visibility);

    /** The work failed in a way worth retrying: make the message visible again after {@code delay}. */
    void release(QueuedMessage message, Duration delay);
}
