package dev.funnel.console.backend;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Turns the WebSocket's JSON text frames {@code {"event": name, "payload": {...}}} into {@link BackendEvent}s. */
public final class BackendEvents {

    private static final ObjectMapper JSON = ApiJson.MAPPER;

    private BackendEvents() {
    }

    public static BackendEvent parse(String frame) {
        try {
            JsonNode root = JSON.readTree(frame);
            String name = root.path("event").asText("");
            JsonNode payload = root.path("payload");
            return switch (name) {
                case "server_hello" -> new BackendEvent.ServerHello();
                case "heartbeat" -> new BackendEvent.Heartbeat();
                case "conversation_updated" -> new BackendEvent.ConversationUpdated(conversation(payload));
                case "takeover_started" -> new BackendEvent.TakeoverStarted(conversation(payload));
                case "takeover_ended" -> new BackendEvent.TakeoverEnded(conversation(payload));
                case "message_created" -> new BackendEvent.MessageCreated(
                        JSON.treeToValue(payload, Message.class), payload.path("simulated").asBoolean(false));
                case "action_human_attention_required" -> new BackendEvent.HumanAttentionRequired(
                        payload.path("conversation_id").asText(null), payload.path("reason").asText(""));
                case "knowledge_document_updated" -> new BackendEvent.KnowledgeDocumentUpdated(
                        JSON.treeToValue(payload.path("document"), KnowledgeDocument.class));
                case "knowledge_document_deleted" -> new BackendEvent.KnowledgeDocumentDeleted(
                        payload.path("document_id").asText(null));
                default -> new BackendEvent.Unknown(name);
            };
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not a backend event: " + e.getOriginalMessage(), e);
        }
    }

    /** The console's heartbeat: keeps idle proxies from closing the socket. */
    public static String heartbeatFrame() {
        return "{\"type\":\"heartbeat\"}";
    }

    /**
     * The cursor after this frame: the {@code seq} of a logged event when it is newer; before the first
     * event, the organisation's latest cursor that {@code server_hello} gives. {@code -1}: none yet. A
     * console that reconnects asks for the events after it, so it misses none while it was away.
     */
    static long advance(long cursor, String frame) {
        try {
            JsonNode root = JSON.readTree(frame);
            if (root.path("seq").canConvertToLong() && root.path("seq").isIntegralNumber()) {
                return Math.max(cursor, root.path("seq").asLong());
            }
            JsonNode hello = root.path("payload").path("last_seq");
            if (cursor < 0 && "server_hello".equals(root.path("event").asText()) && hello.isIntegralNumber()) {
                return hello.asLong();
            }
            return cursor;
        } catch (JsonProcessingException e) {
            return cursor;
        }
    }

    private static Conversation conversation(JsonNode payload) throws JsonProcessingException {
        return JSON.treeToValue(payload, Conversation.class);
    }
}
