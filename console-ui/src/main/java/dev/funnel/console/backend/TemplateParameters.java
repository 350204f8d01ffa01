package dev.funnel.console.backend;

/** How many values a send of the template must give: the header's (0 or 1), the body's, one per URL button ending in {{1}}. */
public record TemplateParameters(int header, int body, int buttons) {
}
