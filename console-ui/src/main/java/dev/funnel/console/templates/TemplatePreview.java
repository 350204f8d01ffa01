package dev.funnel.console.templates;

import dev.funnel.console.backend.TemplateButton;
import dev.funnel.console.backend.TemplateComponent;
import java.util.List;
import java.util.Objects;

/**
 * A template message as the lead reads it in WhatsApp: header, body and footer with the values put
 * in (a variable without a value shows as {{n}}), and the buttons' labels under the bubble.
 */
public record TemplatePreview(String header, String body, String footer, List<String> buttons) {

    public static final TemplatePreview EMPTY = new TemplatePreview("", "", "", List.of());

    public static TemplatePreview of(List<TemplateComponent> components, List<String> headerValues,
                                     List<String> bodyValues) {
        String header = "";
        String body = "";
        String footer = "";
        List<String> buttons = List.of();
        for (TemplateComponent c : components) {
            String type = Objects.requireNonNullElse(c.type(), "").toUpperCase();
            switch (type) {
                case "HEADER" -> header = TemplateText.fill(c.text(), headerValues);
                case "BODY" -> body = TemplateText.fill(c.text(), bodyValues);
                case "FOOTER" -> footer = Objects.requireNonNullElse(c.text(), "");
                case "BUTTONS" -> buttons = c.buttons() == null ? List.of()
                        : c.buttons().stream().filter(Objects::nonNull).map(TemplatePreview::label).toList();
                default -> {
                    // other kinds (media headers of synced templates) have no text to show
                }
            }
        }
        return new TemplatePreview(header, body, footer, buttons);
    }

    private static String label(TemplateButton button) {
        String text = Objects.requireNonNullElse(button.text(), "");
        return switch (Objects.requireNonNullElse(button.type(), "")) {
            case TemplateButton.URL -> "↗ " + text;
            case TemplateButton.PHONE_NUMBER -> "☎ " + text;
            default -> "↩ " + text;
        };
    }
}
