package dev.funnel.gateway.queue;

/**
 * The queue can never carry this body unchanged (e.g. SQS takes only non-empty Unicode text), so
 * retrying the same delivery is pointless: callers answer with a 4xx rather than "try again later".
 */
public final class UnqueueableBodyException extends QueueException {

    public UnqueueableBodyException(String message) {
        super(message);
    }
}
