package dev.funnel.console.backend;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The sample values Meta's reviewers read: the header's {{1}}, and one list with the body's {{1}}..{{n}}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TemplateExample(List<String> headerText, List<List<String>> bodyText) {
}
