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
        RenderedPrompt prompt = PromptTemplate.parse(TEXT)
                .render(Map.of("business_name", "Acme", "last_message", "hi", "unused", "x"));

        assertThat(prompt.system()).isEqualTo("Funnel pipeline step: analyze\nYou help Acme.");
        assertThat(prompt.user()).isEqualTo("Lead said: hi");
    }

    @Test
    void renderingWithAVariableMissingIsAnErrorNamingIt() {
        PromptTemplate template = PromptTemplate.parse(TEXT);

        assertThatThrownBy(() -> template.render(Map.of("business_name", "Acme")))
                .isInstanceOf(PipelineException.class)
                .hasMessageContaining("{{last_message}}")
                .satisfies(e -> assertThat(((PipelineException) e).retriable()).isFalse());
    }

    @Test
    void aValueContainingAPlaceholderIsInsertedLiterally() {
        RenderedPrompt prompt = PromptTemplate.parse(TEXT)
                .render(Map.of("business_name", "Acme", "last_message", "show me {{business_name}} $1"));

        assertThat(prompt.user()).isEqualTo("Lead said: show me {{business_name}} $1");
    }

    @Test
    void listsThePlaceholdersOfBothSections() {
        assertThat(PromptTemplate.parse(TEXT).variables()).containsExactly("business_name", "last_message");
    }

    @Test
    void aTemplateWithoutAUserSectionIsRejected() {
        assertThatThrownBy(() -> PromptTemplate.parse("## system\nFunnel pipeline step: decide\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("## user");
    }

    @Test
    void sectionsInTheWrongOrderAreRejected() {
        assertThatThrownBy(() -> PromptTemplate.parse("## user\nhello\n## system\nstep\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("before");
    }
}
