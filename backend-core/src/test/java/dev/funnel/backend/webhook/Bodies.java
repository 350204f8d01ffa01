package dev.funnel.backend.webhook;

import java.nio.charset.StandardCharsets;

/** Small webhook bodies for focused tests, shaped like Meta's (see the real ones under meta-webhooks/). */
final class Bodies {

    static final String PHONE_NUMBER_ID = "106540352242922";
    static final String LEAD = "4915112345678";

    private static final String METADATA = """
            "metadata": {"display_phone_number": "15550783881", "phone_number_id": "%s"}""".formatted(PHONE_NUMBER_ID);
    private static final String CONTACTS = """
            "contacts": [{"profile": {"name": "Ada"}, "wa_id": "%s", "user_id": "DE.123"}]""".formatted(LEAD);

    private Bodies() {
    }

    /** A {@code messages} change carrying these message objects, from one lead. */
    static byte[] messages(String... messages) {
        return change("messages", messagesValue(messages));
    }

    /** The {@code value} of a {@code messages} change carrying these message objects. */
    static String messagesValue(String... messages) {
        return "{\"messaging_product\": \"whatsapp\", " + METADATA + ", " + CONTACTS
                + ", \"messages\": [" + String.join(",", messages) + "]}";
    }

    /** A message object of a type, with the details under the type's key. */
    static String message(String id, String type, String details) {
        return """
                {"from": "%s", "id": "%s", "timestamp": "1749854575", "type": "%s", "%s": %s}"""
                .formatted(LEAD, id, type, type, details);
    }

    static byte[] statuses(String... statuses) {
        return change("messages", "{\"messaging_product\": \"whatsapp\", " + METADATA
                + ", \"statuses\": [" + String.join(",", statuses) + "]}");
    }

    static byte[] change(String field, String value) {
        return envelope(entry("102290129340398", changeJson(field, value)));
    }

    static String changeJson(String field, String value) {
        return "{\"field\": \"" + field + "\", \"value\": " + value + "}";
    }

    static String entry(String id, String... changes) {
        return "{\"id\": \"" + id + "\", \"changes\": [" + String.join(",", changes) + "]}";
    }

    static byte[] envelope(String... entries) {
        return ("{\"object\": \"whatsapp_business_account\", \"entry\": [" + String.join(",", entries) + "]}")
                .getBytes(StandardCharsets.UTF_8);
    }

    static ParsedWebhook parse(byte[] body) {
        return new WebhookParser().parse(body);
    }

    /** The one message a body carries. */
    static InboundMessage only(byte[] body) {
        ParsedWebhook parsed = parse(body);
        if (parsed.messages().size() != 1) {
            throw new AssertionError("Expected one message, got " + parsed);
        }
        return parsed.messages().getFirst();
    }
}
