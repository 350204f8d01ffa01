package dev.funnel.gateway.queue;

/** A queue operation failed; the message was not accepted or not acknowledged. */
public class QueueException extends RuntimeException {

    public QueueException(String message, Throwable cause) {
        super(message, cause);
    }

    public QueueException(String message) {
        super(message);
    }
}
