package dev.funnel.backend.templates;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What Meta's status-update events leave a template as. */
class TemplateTest {

    @Test
    void aFlaggedOrReinstatedTemplateCanStillBeSent() {
        assertThat(Template.statusAfter("FLAGGED")).isEqualTo(Template.APPROVED);
        assertThat(Template.statusAfter("REINSTATED")).isEqualTo(Template.APPROVED);
    }

    @Test
    void anyOtherEventIsTheTemplatesNewStatus() {
        assertThat(Template.statusAfter("PAUSED")).isEqualTo("PAUSED");
        assertThat(Template.statusAfter("REJECTED")).isEqualTo("REJECTED");
    }
}
