package dev.funnel.console.backend;

/** A reply typed by a person; the backend only accepts it while the conversation is in human mode. */
public record OutgoingMessage(String conversationId, String content) {
}
