package dev.funnel.console.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.console.backend.FakeBackendClient;
import dev.funnel.console.common.CurrentThreadTaskExecutor;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceViewModelTest {

    private final FakeBackendClient backend = new FakeBackendClient();
    private final TraceViewModel trace = new TraceViewModel(backend, new CurrentThreadTaskExecutor(), "c1", "t1");

    @Test
    void showsTheFourStepsWithTheirFiguresAndPrettyPrintedAnswers() {
        backend.turns.put("t1", TraceFixtures.turn());

        trace.load();

        assertThat(trace.steps()).extracting(StepLine::step).containsExactly("ANALYZE", "DECIDE", "GENERATE",
                "SUMMARIZE");
        StepLine analyze = trace.steps().getFirst();
        assertThat(analyze.promptVersion()).isEqualTo("default-3f9a");
        assertThat(analyze.figures()).contains("640 ms", "1200 tokens in / 90 out", "$0.000234");
        assertThat(analyze.output()).contains("\n").contains("\"confidence\" : 0.9");
        assertThat(trace.leadMessageProperty().get()).contains("Do you ship to Lyon?");
        assertThat(trace.totalsProperty().get()).contains("2560 ms", "4800 tokens in / 360 out", "$0.000936");
    }

    @Test
    void namesGuardrailInterventionsAmongTheOutcomes() {
        backend.turns.put("t1", TraceFixtures.turn());

        trace.load();

        assertThat(trace.outcomes()).containsExactly("Guardrail message rewritten: the message had 80 words");
    }

    @Test
    void anAnswerThatIsNotJsonIsShownAsItIs() {
        assertThat(TraceViewModel.pretty("invalid answer, asked again: not JSON"))
                .isEqualTo("invalid answer, asked again: not JSON");
    }

    @Test
    void aRunWithoutAPriceSaysWhyItHasNoCost() {
        backend.replay = TraceFixtures.replay();

        trace.replay();

        assertThat(trace.replayFiguresProperty().get()).contains("no price was configured for model(s) 'gpt-4o-mini'");
    }

    @Test
    void replayShowsTheReplyNowNextToTheReplyThenAndHowTheInputWasRebuilt() {
        backend.replay = TraceFixtures.replay();

        trace.replay();

        assertThat(backend.calls).containsExactly("replayTurn c1 t1");
        assertThat(trace.replayedProperty().get()).isTrue();
        assertThat(trace.replyThenProperty().get()).isEqualTo("Yes we do!");
        assertThat(trace.replyNowProperty().get()).isEqualTo("Yes, we deliver to Lyon in 2 days.");
        assertThat(trace.reconstructedProperty().get()).contains("Rolling summary: blank");
        assertThat(trace.replayingProperty().get()).isFalse();
    }

    @Test
    void aFailedReplaySaysWhyAndKeepsTheTrace() {
        backend.turns.put("t1", TraceFixtures.turn());
        trace.load();
        backend.failNext(502, "The language model failed, so nothing was written");

        trace.replay();

        assertThat(trace.errorProperty().get()).startsWith("The replay failed:");
        assertThat(trace.replayedProperty().get()).isFalse();
        assertThat(trace.steps()).hasSize(4);
    }

    @Test
    void listsTheKnowledgeSnippetsTheGenerateStepWasGiven() {
        backend.turns.put("t1", TraceFixtures.turn());

        trace.load();

        assertThat(trace.sources()).containsExactly(
                new SourceLine("shipping.md  \u00b7  chunk 2  \u00b7  score 0.83",
                        "We deliver across France in 2 working days."),
                new SourceLine("prices.pdf  \u00b7  chunk 0  \u00b7  score 0.70", "Delivery is free above 50 EUR."));
        assertThat(trace.sourcesNoteProperty().get()).isEmpty();
    }

    @Test
    void aTurnThatUsedNoKnowledgeSaysSo() {
        backend.turns.put("t1", TraceFixtures.turn(List.of()));

        trace.load();

        assertThat(trace.sources()).isEmpty();
        assertThat(trace.sourcesNoteProperty().get()).isEqualTo(TraceViewModel.NO_SOURCES);
    }

    @Test
    void replayNamesTheSnippetsItWouldUseNow() {
        backend.replay = TraceFixtures.replay();

        trace.replay();

        assertThat(trace.replaySourcesProperty().get())
                .isEqualTo("Knowledge used now:\n\u2022 shipping.md  \u00b7  chunk 2  \u00b7  score 0.83");
    }
}
