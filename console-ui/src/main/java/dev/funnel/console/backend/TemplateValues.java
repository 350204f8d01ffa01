package dev.funnel.console.backend;

import java.util.List;

/** The values for a template's variables, in order: the header's {{1}}, the body's {{1}}..{{n}}, one per URL button. */
public record TemplateValues(List<String> header, List<String> body, List<String> buttons) {
}
