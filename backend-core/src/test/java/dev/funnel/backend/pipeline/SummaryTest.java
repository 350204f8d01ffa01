package dev.funnel.backend.pipeline;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SummaryTest {

    @Test
    void parsesTheSeedExample() {
        assertThat(Summary.fromJson(SeedAnswers.SUMMARY).updatedRollingSummary())
                .startsWith("Lead (unknown name) inquired about pricing.");
    }

    @Test
    void aBlankSummaryIsRejectedRatherThanSaved() {
        assertThatThrownBy(() -> Summary.fromJson("{\"updated_rolling_summary\": \"  \"}"))
                .isInstanceOf(PipelineException.class)
                .hasMessageContaining("updated_rolling_summary");
    }

    @Test
    void anEmptyAnswerIsRejected() {
        assertThatThrownBy(() -> Summary.fromJson(""))
                .isInstanceOf(PipelineException.class)
                .hasMessageContaining("summarize answer is empty");
    }
}
