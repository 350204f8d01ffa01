package dev.funnel.backend.pipeline;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DecisionTest {

    @Test
    void parsesTheSeedExample() {
        assertThat(Decision.fromJson(SeedAnswers.SEND_NOW)).isEqualTo(new Decision(DecisionAction.SEND_NOW,
                "Direct pricing question with high intent", ConversationStage.PRICING, null, 0, false));
    }

    @Test
    void laterStepsAreShownTheDecisionWithoutItsDefaultFieldsAndItReadsBackTheSame() {
        Decision decision = Decision.fromJson(SeedAnswers.SEND_NOW);

        String shown = PromptVariables.answer(decision);

        assertThat(shown).isEqualTo("{\"action\":\"SEND_NOW\",\"why\":\"Direct pricing question with high intent\","
                + "\"next_stage\":\"pricing\"}");
        assertThat(Decision.fromJson(shown)).isEqualTo(decision);
    }

    @Test
    void aMissingActionIsANonRetriableError() {
        String json = """
                {"why": "w", "next_stage": "pricing"}""";

        assertThatThrownBy(() -> Decision.fromJson(json))
                .isInstanceOf(PipelineException.class)
                .hasMessageContaining("'action' is missing")
                .satisfies(e -> assertThat(((PipelineException) e).retriable()).isFalse());
    }

    @Test
    void normalisesALowerCaseActionAndStage() {
        Decision decision = Decision.fromJson("""
                {"action": "wait schedule", "why": "w", "next_stage": "Qualification", "followup_in_minutes": 360}""");

        assertThat(decision.action()).isEqualTo(DecisionAction.WAIT_SCHEDULE);
        assertThat(decision.nextStage()).isEqualTo(ConversationStage.QUALIFICATION);
        assertThat(decision.followupInMinutes()).isEqualTo(360);
    }

    @Test
    void aBlankOrNoneCtaMeansNoCta() {
        assertThat(Decision.fromJson(SeedAnswers.SEND_NOW.replace("null", "\"none\"")).recommendedCta()).isNull();
        assertThat(Decision.fromJson(SeedAnswers.SEND_NOW.replace("null", "\"book_demo\"")).recommendedCta())
                .isEqualTo("book_demo");
    }

    @Test
    void aNegativeFollowupDelayIsRejected() {
        assertThatThrownBy(() -> Decision.fromJson(SeedAnswers.WAIT_SCHEDULE.replace("180", "-5")))
                .isInstanceOf(PipelineException.class)
                .hasMessageContaining("followup_in_minutes");
    }
}
