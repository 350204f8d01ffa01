package dev.funnel.backend.webhook;

/**
 * The webhook body is not a JSON object, so nothing in it can be read. Retrying the same bytes cannot
 * help: the caller should record the body and acknowledge it rather than let it be redelivered.
 */
public final class MalformedWebhookException extends RuntimeException {

    public MalformedWebhookException(String message, Throwable cause) {
        super(message, cause);
    }

    public MalformedWebhookException(String message) {
        super(message);
    }
}
