package dev.funnel.backend.knowledge;

/** A file the knowledge base cannot index; the message says why, for the person who uploaded it. */
public final class UnreadableDocumentException extends RuntimeException {

    public UnreadableDocumentException(String message) {
        super(message);
    }

    public UnreadableDocumentException(String message, Throwable cause) {
        super(message, cause);
    }
}
