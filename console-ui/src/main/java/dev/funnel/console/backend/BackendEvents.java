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
                default -> new BackendEvent.Unknown(name);
            };
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not a backend event: " + e.getOriginalMessage(), e);
        }
    }

    /** The only frame the console sends: keeps idle proxies from closing the socket. */
    public static String heartbeatFrame() {
        return "{\"event\":\"heartbeat\"}";
    }

    private static Conversation conversation(JsonNode payload) throws JsonProcessingException {
        return JSON.treeToValue(payload, Conversation.class);
    }
}
