package dev.funnel.console.backend;

/** A live event pushed by the backend over the WebSocket; {@link BackendEvents#parse} builds them. */
public sealed interface BackendEvent {

    record ServerHello() implements BackendEvent {
    }

    record Heartbeat() implements BackendEvent {
    }

    record ConversationUpdated(Conversation conversation) implements BackendEvent {
    }

    /** {@code simulated} is true when the conversation belongs to a lead from the simulate panel. */
    record MessageCreated(Message message, boolean simulated) implements BackendEvent {
    }

    record TakeoverStarted(Conversation conversation) implements BackendEvent {
    }

    record TakeoverEnded(Conversation conversation) implements BackendEvent {
    }

    record HumanAttentionRequired(String conversationId, String reason) implements BackendEvent {
    }

    /** A knowledge-base document was added, finished indexing (ready or failed) or is being re-indexed. */
    record KnowledgeDocumentUpdated(KnowledgeDocument document) implements BackendEvent {
    }

    record KnowledgeDocumentDeleted(String documentId) implements BackendEvent {
    }

    /** An event this console does not know yet; kept so a newer backend does not break the stream. */
    record Unknown(String name) implements BackendEvent {
    }

    /** The conversation carried by this event, if it carries one whole. */
    default Conversation conversationOrNull() {
        return switch (this) {
            case ConversationUpdated e -> e.conversation();
            case TakeoverStarted e -> e.conversation();
            case TakeoverEnded e -> e.conversation();
            default -> null;
        };
    }
}
