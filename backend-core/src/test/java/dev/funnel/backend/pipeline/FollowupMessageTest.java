package dev.funnel.backend.pipeline;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FollowupMessageTest {

    @Test
    void parsesTheShapeTheFollowupPromptAsksFor() {
        FollowupMessage nudge = FollowupMessage.fromJson("""
                {"message_text": "Hi Priya, the 14-day trial is still open for your team. Shall I set it up?",
                 "message_language": "en", "cta_type": "start_trial",
                 "reasoning": "Lead asked about price, went quiet; the playbook offers the trial first.",
                 "self_check": {"guardrails_pass": true, "violations": []}}""");

        assertThat(nudge.messageText()).startsWith("Hi Priya, the 14-day trial");
        assertThat(nudge.messageLanguage()).isEqualTo("en");
        assertThat(nudge.ctaType()).isEqualTo("start_trial");
        assertThat(nudge.reasoning()).startsWith("Lead asked about price");
        assertThat(nudge.selfCheck().guardrailsPass()).isTrue();
    }

    @Test
    void leftOutOptionalFieldsGetEmptyValues() {
        FollowupMessage nudge = FollowupMessage.fromJson("""
                {"message_text": "Still there?", "cta_type": "none",
                 "self_check": {"guardrails_pass": false, "violations": ["no new reason to reply"]}}""");

        assertThat(nudge.messageLanguage()).isEqualTo("und");
        assertThat(nudge.ctaType()).isNull();
        assertThat(nudge.reasoning()).isEmpty();
        assertThat(nudge.selfCheck().violations()).containsExactly("no new reason to reply");
    }

    @Test
    void aMissingMessageTextIsANonRetriableErrorNamingTheStep() {
        assertThatThrownBy(() -> FollowupMessage.fromJson("""
                {"reasoning": "nothing to say", "self_check": {"guardrails_pass": true, "violations": []}}"""))
                .isInstanceOf(PipelineException.class)
                .hasMessageContaining("followup answer is invalid")
                .hasMessageContaining("message_text")
                .satisfies(e -> assertThat(((PipelineException) e).retriable()).isFalse());
    }

    @Test
    void theDefaultFollowupPromptsExampleAnswerParses() {
        String system = PromptLibrary.defaults().forStep(PipelineStep.FOLLOWUP).system();
        String example = system.substring(system.lastIndexOf("\n{") + 1);

        assertThat(FollowupMessage.fromJson(example).messageText()).isEqualTo("...");
    }
}
