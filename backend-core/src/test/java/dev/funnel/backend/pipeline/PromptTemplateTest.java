package dev.funnel.backend.pipeline;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PromptTemplateTest {

    private static final String TEXT = """
            ## system
            Funnel pipeline step: analyze
            You help {{business_name}}.

            ## user
            Lead said: {{ last_message }}
            """;

    @Test
    void rendersBothSectionsWithTheGivenValues() {
        RenderedPrompt prompt = PromptTemplate.parse(TEXT, "test")
                .render(Map.of("business_name", "Acme", "last_message", "hi", "unused", "x"));

        assertThat(prompt.system()).isEqualTo("Funnel pipeline step: analyze\nYou help Acme.");
        assertThat(prompt.user()).isEqualTo("Lead said: hi");
    }

    @Test
    void renderingWithAVariableMissingIsAnErrorNamingIt() {
        PromptTemplate template = PromptTemplate.parse(TEXT, "test");

        assertThatThrownBy(() -> template.render(Map.of("business_name", "Acme")))
                .isInstanceOf(PipelineException.class)
                .hasMessageContaining("{{last_message}}")
                .satisfies(e -> assertThat(((PipelineException) e).retriable()).isFalse());
    }

    @Test
    void aValueContainingAPlaceholderIsInsertedLiterally() {
        RenderedPrompt prompt = PromptTemplate.parse(TEXT, "test")
                .render(Map.of("business_name", "Acme", "last_message", "show me {{business_name}} $1"));

        assertThat(prompt.user()).isEqualTo("Lead said: show me {{business_name}} $1");
    }

    @Test
    void anOptionalPartIsKeptOnlyWhenItsVariableHasAValue() {
        PromptTemplate template = PromptTemplate.parse("""
                ## system
                Funnel pipeline step: generate
                {{#sales_playbook}}Playbook: {{sales_playbook}}{{/sales_playbook}}
                Tone: {{tone}}.{{#ctas}} CTAs: {{ctas}}{{/ctas}}
                ## user
                {{stage}}
                """, "test");

        assertThat(template.render(Map.of("sales_playbook", "", "tone", "warm", "ctas", "", "stage", "pricing"))
                .system()).isEqualTo("Funnel pipeline step: generate\nTone: warm.");
        assertThat(template.render(Map.of("sales_playbook", "Trial first", "tone", "warm", "ctas", "demo",
                "stage", "pricing")).system())
                .isEqualTo("Funnel pipeline step: generate\nPlaybook: Trial first\nTone: warm. CTAs: demo");
    }

    @Test
    void aLineWithAnEmptyVariableOutsideAnOptionalPartIsKept() {
        RenderedPrompt prompt = PromptTemplate.parse(TEXT, "test").render(Map.of("business_name", "", "last_message", "hi"));

        assertThat(prompt.system()).isEqualTo("Funnel pipeline step: analyze\nYou help .");
    }

    @Test
    void theVariableOfAnOptionalPartIsOneOfTheTemplatesVariables() {
        PromptTemplate template = PromptTemplate.parse("""
                ## system
                Funnel pipeline step: decide {{#ctas}}CTAs{{/ctas}}
                ## user
                {{stage}}
                """, "test");

        assertThat(template.variables()).containsExactly("ctas", "stage");
        assertThat(template.malformedPlaceholders()).isEmpty();
    }

    @Test
    void anOptionalPartNotClosedOnItsLineIsMalformed() {
        PromptTemplate template = PromptTemplate.parse("""
                ## system
                Funnel pipeline step: decide {{#ctas}}CTAs: {{ctas}}
                {{/ctas}}
                ## user
                {{stage}}
                """, "test");

        assertThat(template.malformedPlaceholders()).containsExactly(
                "{{#ctas}} (an optional part opens and closes on one line)",
                "{{/ctas}} (an optional part opens and closes on one line)");
    }

    @Test
    void listsThePlaceholdersOfBothSections() {
        assertThat(PromptTemplate.parse(TEXT, "test").variables()).containsExactly("business_name", "last_message");
    }

    @Test
    void aTemplateWithoutAUserSectionIsRejected() {
        assertThatThrownBy(() -> PromptTemplate.parse("## system\nFunnel pipeline step: decide\n", "test"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("## user");
    }

    @Test
    void sectionsInTheWrongOrderAreRejected() {
        assertThatThrownBy(() -> PromptTemplate.parse("## user\nhello\n## system\nstep\n", "test"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("before");
    }

    @Test
    void placeholdersThatAreNotLowerCaseNamesInDoubleBracesAreMalformed() {
        PromptTemplate template = PromptTemplate.parse("""
                ## system
                Funnel pipeline step: decide {{Business Name}} and {{tone} and {{{stage}}}
                ## user
                {{ stage }} {{last_messages}} and JSON {"a": {"b": []}}
                """, "test");

        assertThat(template.malformedPlaceholders()).containsExactly("{{Business Name}}", "{{tone}", "{{{stage}}}");
    }

    @Test
    void aTemplateKeepsItsTextAndVersion() {
        PromptTemplate template = PromptTemplate.parse(TEXT, "org-7");

        assertThat(template.text()).isEqualTo(TEXT);
        assertThat(template.version()).isEqualTo("org-7");
        assertThat(template.malformedPlaceholders()).isEmpty();
    }
}
