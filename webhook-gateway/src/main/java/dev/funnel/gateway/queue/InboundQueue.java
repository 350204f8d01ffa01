package dev.funnel.gateway.queue;

/**
 * Where verified webhook bodies go. {@link #enqueue(byte[])} returns only once the queue has durably
 * accepted the body, so the caller may answer Meta with 200.
 */
public interface InboundQueue {

    /**
     * Queues the raw bytes Meta sent, unchanged.
     *
     * @throws QueueException when the queue did not accept the body; nothing is acknowledged then
     */
    void enqueue(byte[] rawBody);

    /** Whether the queue can be reached right now (for health checks). */
    boolean isReachable();
}
