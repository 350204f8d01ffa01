package dev.funnel.console.backend;

import java.util.ArrayList;
import java.util.List;

/** How many values a send of the template must give: the header's (0 or 1), the body's, one per URL button ending in {{1}}. */
public record TemplateParameters(int header, int body, int buttons) {

    /** The values' names in order, as the inputs for them say: "Header {{1}}", "{{1}}".."{{n}}", "Link 1 {{1}}".. */
    public List<String> labels() {
        List<String> labels = new ArrayList<>();
        for (int i = 1; i <= header; i++) {
            labels.add("Header {{" + i + "}}");
        }
        for (int i = 1; i <= body; i++) {
            labels.add("{{" + i + "}}");
        }
        for (int i = 1; i <= buttons; i++) {
            labels.add("Link " + i + " {{1}}");
        }
        return labels;
    }

    /** Whether the value at this place of {@link #labels()} is a URL button's. */
    public boolean isButton(int place) {
        return place >= header + body;
    }

    /** Values in the order of {@link #labels()}, cut into the header's, the body's and the buttons' (fewer are fine). */
    public TemplateValues split(List<String> values) {
        return new TemplateValues(part(values, 0, header), part(values, header, header + body),
                part(values, header + body, values.size()));
    }

    private static List<String> part(List<String> values, int from, int to) {
        return values.subList(Math.min(from, values.size()), Math.min(to, values.size())).stream().toList();
    }
}
