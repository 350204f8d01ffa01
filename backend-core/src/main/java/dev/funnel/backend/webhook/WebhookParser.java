package dev.funnel.backend.webhook;

import static dev.funnel.backend.webhook.TolerantJson.objects;
import static dev.funnel.backend.webhook.TolerantJson.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.List;

/**
 * Reads a WhatsApp Cloud API webhook body: every entry, every change, every message, status and
 * template status update in it.
 *
 * <p>Only a body that is not a JSON object is refused. Everything inside is read tolerantly, because
 * Meta adds fields and types without notice and a webhook we throw on is redelivered for days: a value
 * of the wrong type reads as absent, and a message without what we need to route and deduplicate it
 * (id, sender, phone number id) is left out with its reason in {@link ParsedWebhook#skipped()}.
 * Thread-safe; one instance can serve every worker.
 */
public final class WebhookParser {

    private static final String WHATSAPP_OBJECT = "whatsapp_business_account";

    // Jackson's default read limits stay on (nesting depth 1000, numbers of 1000 digits): a body beyond
    // them is no webhook, and reading it would cost unbounded stack or CPU. Trailing bytes after the
    // object make the body invalid JSON rather than silently dropped.
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /**
     * @param body the raw POST body, as signed by Meta
     * @return what the body carried; empty for another product's object
     * @throws MalformedWebhookException if the body is not a JSON object (or exceeds the reader's limits)
     */
    public ParsedWebhook parse(byte[] body) {
        JsonNode root = readObject(body);
        if (!WHATSAPP_OBJECT.equals(text(root.path("object")))) {
            return ParsedWebhook.empty(); // Instagram, Page and other products share the endpoint
        }
        WebhookCollector out = new WebhookCollector();
        List<JsonNode> entries = objects(root.path("entry"));
        for (int e = 0; e < entries.size(); e++) {
            JsonNode entry = entries.get(e);
            String businessAccountId = text(entry.path("id"));
            List<JsonNode> changes = objects(entry.path("changes"));
            for (int c = 0; c < changes.size(); c++) {
                readChange(changes.get(c), businessAccountId, "entry[" + e + "].changes[" + c + "]", out);
            }
        }
        return out.build();
    }

    private static JsonNode readObject(byte[] body) {
        if (body == null) {
            throw new MalformedWebhookException("The webhook body is missing");
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            String why = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
            throw new MalformedWebhookException("The webhook body is not valid JSON: " + why, e);
        }
        if (root == null || !root.isObject()) {
            throw new MalformedWebhookException("The webhook body is not a JSON object");
        }
        return root;
    }

    private static void readChange(JsonNode change, String businessAccountId, String where, WebhookCollector out) {
        String field = text(change.path("field"));
        JsonNode value = change.path("value");
        switch (field) {
            case null -> out.skipped(where, "change without a field name");
            case "messages" -> MessagesChangeReader.read(value, businessAccountId, where + ".value", out);
            case "message_template_status_update" ->
                    TemplateUpdateReader.read(value, businessAccountId, where + ".value", out);
            default -> out.ignoredField(field);
        }
    }
}
