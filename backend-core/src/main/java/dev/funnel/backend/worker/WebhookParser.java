package dev.funnel.backend.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.funnel.backend.conversations.MessageRepository;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a WhatsApp Cloud API webhook body: every entry, every change, every message. Text is read
 * in full; other message types are kept with their type and their JSON.
 */
public final class WebhookParser {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The body is not a WhatsApp webhook we can read. */
    public static final class MalformedWebhookException extends RuntimeException {
        MalformedWebhookException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public List<InboundEvent> parse(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw new MalformedWebhookException("The webhook body is not valid JSON", e);
        }
        if (root == null || !"whatsapp_business_account".equals(root.path("object").asText())) {
            return List.of();
        }
        List<InboundEvent> events = new ArrayList<>();
        for (JsonNode entry : root.path("entry")) {
            for (JsonNode change : entry.path("changes")) {
                if ("messages".equals(change.path("field").asText())) {
                    readMessages(change.path("value"), events);
                }
            }
        }
        return events;
    }

    private static void readMessages(JsonNode value, List<InboundEvent> events) {
        String phoneNumberId = value.path("metadata").path("phone_number_id").asText(null);
        for (JsonNode message : value.path("messages")) {
            String from = message.path("from").asText(null);
            String id = message.path("id").asText(null);
            if (phoneNumberId == null || from == null || id == null) {
                continue;
            }
            JsonNode contact = contactFor(value, from);
            String type = message.path("type").asText("unknown");
            events.add(new InboundEvent(
                    phoneNumberId,
                    from,
                    textOrNull(contact.path("profile").path("name")),
                    textOrNull(contact.path("user_id")),
                    new MessageRepository.Inbound(id, type, content(type, message), message.toString(),
                            textOrNull(message.path("context").path("id")), timestamp(message.path("timestamp")))));
        }
    }

    private static JsonNode contactFor(JsonNode value, String from) {
        for (JsonNode contact : value.path("contacts")) {
            if (from.equals(contact.path("wa_id").asText())) {
                return contact;
            }
        }
        return value.path("contacts").path(0);
    }

    private static String content(String type, JsonNode message) {
        if ("text".equals(type)) {
            return textOrNull(message.path("text").path("body"));
        }
        // media carries its caption; every other type is described in full by a later parser
        return textOrNull(message.path(type).path("caption"));
    }

    private static Instant timestamp(JsonNode node) {
        // Meta sends epoch seconds, sometimes as a string, sometimes as a number
        try {
            return node.isMissingNode() || node.isNull() ? null : Instant.ofEpochSecond(Long.parseLong(node.asText()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String textOrNull(JsonNode node) {
        return node.isTextual() ? node.asText() : null;
    }
}
