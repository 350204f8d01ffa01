package dev.funnel.console.backend;

import java.util.List;

/** What a sync from Meta changed, and every template of the organisation after it. */
public record TemplateSync(int created, int updated, int skipped, List<Template> templates) {
}
