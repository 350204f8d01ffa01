package dev.funnel.console.backend;

/** Query of {@code GET /conversations}; null fields are not sent. */
public record ConversationFilter(ConversationMode mode, Boolean needsAttention) {

    public static final ConversationFilter ALL = new ConversationFilter(null, null);
}
