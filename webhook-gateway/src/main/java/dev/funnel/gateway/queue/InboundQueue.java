package dev.funnel.gateway.queue;

import java.util.Map;

/**
 * Where verified webhook bodies go. {@link #enqueue(byte[])} returns only once the queue has durably
 * accepted the body, so the caller may answer Meta with 200.
 */
public interface InboundQueue {

    /** Attribute: when the gateway received the delivery, epoch milliseconds. */
    String RECEIVED_AT = "received_at";

    /** Attribute: Meta's {@code X-Hub-Signature-256} header, so a consumer can re-verify the body. */
    String SIGNATURE = "x_hub_signature_256";

    /**
     * Queues the raw bytes Meta sent, unchanged.
     *
     * @throws UnqueueableBodyException when this queue can never carry these bytes unchanged
     * @throws QueueException           when the queue did not accept the body; nothing is acknowledged then
     */
    void enqueue(byte[] rawBody);

    /**
     * Queues the raw bytes with metadata beside them (never inside the body, which must stay as Meta
     * signed it). A queue without a place for metadata drops it: the body alone is what matters.
     */
    default void enqueue(byte[] rawBody, Map<String, String> attributes) {
        enqueue(rawBody);
    }

    /** Whether the queue can be reached right now (for health checks). */
    boolean isReachable();
}
