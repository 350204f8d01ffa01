package dev.funnel.console.backend;

import java.util.List;

/**
 * The approved template follow-ups send once the lead's 24-hour window has closed, and where each of its
 * values comes from: {@value #LEAD_NAME}, {@value #BUSINESS_NAME} or {@code custom:<text>} per header and body
 * variable, a {@code custom:<text>} per URL button ending in {{1}}; {@code nameFallback} stands for an
 * unknown name.
 */
public record FollowupTemplate(String templateId, List<String> header, List<String> body, List<String> buttons,
                               String nameFallback) {

    public static final String LEAD_NAME = "lead_name";
    public static final String BUSINESS_NAME = "business_name";
    public static final String CUSTOM = "custom:";

    public FollowupTemplate {
        header = header == null ? List.of() : List.copyOf(header);
        body = body == null ? List.of() : List.copyOf(body);
        buttons = buttons == null ? List.of() : List.copyOf(buttons);
    }
}
