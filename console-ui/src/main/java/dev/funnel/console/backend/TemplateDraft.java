package dev.funnel.console.backend;

import java.util.List;

/** A new template, or the whole new content of a draft or rejected one (its components replace all of them). */
public record TemplateDraft(String name, String language, String category, List<TemplateComponent> components) {
}
