package dev.funnel.backend.conversations;

import java.util.UUID;

/** Names a conversation within its organisation. */
public record ConversationRef(UUID organisationId, UUID conversationId) {
}
