package dev.funnel.console.backend;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One part of a template in Meta's shape: HEADER (format TEXT), BODY, FOOTER or BUTTONS. Which fields
 * apply depends on the type; the others stay null and are left out of the JSON.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TemplateComponent(String type, String format, String text, TemplateExample example,
                                List<TemplateButton> buttons) {

    public static TemplateComponent header(String text, List<String> examples) {
        return new TemplateComponent("HEADER", "TEXT", text,
                examples.isEmpty() ? null : new TemplateExample(examples, null), null);
    }

    public static TemplateComponent body(String text, List<String> examples) {
        return new TemplateComponent("BODY", null, text,
                examples.isEmpty() ? null : new TemplateExample(null, List.of(examples)), null);
    }

    public static TemplateComponent footer(String text) {
        return new TemplateComponent("FOOTER", null, text, null, null);
    }

    public static TemplateComponent buttons(List<TemplateButton> buttons) {
        return new TemplateComponent("BUTTONS", null, null, null, buttons);
    }
}
