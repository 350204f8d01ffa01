package dev.funnel.console.backend;

import java.time.Instant;

/** Small builders for backend records, with plausible defaults. */
public final class TestData {

    public static final Instant NOW = Instant.parse("2026-11-03T10:15:30Z");

    private TestData() {
    }

    public static Conversation conversation(String id, String leadName, ConversationMode mode) {
        return new Conversation(id, "lead-" + id, leadName, "1555000" + Math.abs(id.hashCode() % 10000),
                "qualifying", "medium", "neutral", mode, false, null, false, null,
                "Hello from " + leadName, NOW, NOW);
    }

    public static Conversation simulatedConversation(String id, String phone) {
        return new Conversation(id, "lead-" + id, "Test Lead", phone, "new", "low", "neutral",
                ConversationMode.BOT, false, null, true, null, null, NOW, NOW);
    }

    public static Message message(String id, String conversationId, MessageFrom from, String content) {
        return new Message(id, conversationId, from, "text", content, from == MessageFrom.LEAD ? null : "sent",
                null, NOW, null);
    }

    public static AuthResult session() {
        return new AuthResult("token-123", "bearer",
                new UserAccount("u1", "Sam Rivera", "sam@acme.example", "admin", "o1"),
                new Organisation("o1", "Acme Solar"));
    }
}
