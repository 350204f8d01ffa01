package dev.funnel.backend.whatsapp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The JSON bodies of the Graph API's message calls, shaped as WHATSAPP.md ("Sending") gives them. */
final class GraphPayloads {

    private GraphPayloads() {
    }

    static Map<String, Object> text(String to, String text, String replyToWaId) {
        return message(to, "text", Map.of("preview_url", false, "body", text), replyToWaId);
    }

    static Map<String, Object> template(String to, TemplateMessage template, String replyToWaId) {
        List<Map<String, Object>> components = new ArrayList<>();
        if (!template.headerTexts().isEmpty()) {
            components.add(Map.of("type", "header", "parameters", texts(template.headerTexts())));
        }
        if (!template.bodyTexts().isEmpty()) {
            components.add(Map.of("type", "body", "parameters", texts(template.bodyTexts())));
        }
        for (TemplateMessage.ButtonValue button : template.buttons()) {
            components.add(Map.of("type", "button",
                    "sub_type", button.type().name().toLowerCase(Locale.ROOT),
                    "index", String.valueOf(button.index()),
                    "parameters", List.of(switch (button.type()) {
                        case URL -> Map.of("type", "text", "text", button.value());
                        case QUICK_REPLY -> Map.of("type", "payload", "payload", button.value());
                    })));
        }
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("name", template.name());
        content.put("language", Map.of("code", template.languageCode()));
        if (!components.isEmpty()) {
            content.put("components", components);
        }
        return message(to, "template", content, replyToWaId);
    }

    /** Marks a lead's message read and shows them "typing…" until our reply arrives (or about 25 s pass). */
    static Map<String, Object> readWithTyping(String waMessageId) {
        return Map.of("messaging_product", "whatsapp", "status", "read", "message_id", waMessageId,
                "typing_indicator", Map.of("type", "text"));
    }

    private static Map<String, Object> message(String to, String type, Object content, String replyToWaId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("messaging_product", "whatsapp");
        body.put("recipient_type", "individual");
        body.put("to", to);
        body.put("type", type);
        body.put(type, content);
        if (replyToWaId != null) {
            body.put("context", Map.of("message_id", replyToWaId));
        }
        return body;
    }

    private static List<Map<String, Object>> texts(List<String> values) {
        return values.stream().<Map<String, Object>>map(v -> Map.of("type", "text", "text", v)).toList();
    }
}
