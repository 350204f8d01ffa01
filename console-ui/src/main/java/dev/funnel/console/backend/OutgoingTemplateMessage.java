package dev.funnel.console.backend;

/**
 * An approved template sent by a person: the only message WhatsApp takes once the lead's 24-hour
 * window has closed. Written as {@code {conversation_id, template: {id, parameters}}}.
 */
public record OutgoingTemplateMessage(String conversationId, Chosen template) {

    public OutgoingTemplateMessage(String conversationId, String templateId, TemplateValues values) {
        this(conversationId, new Chosen(templateId, values));
    }

    public record Chosen(String id, TemplateValues parameters) {
    }
}
