package dev.funnel.console.trace;

import dev.funnel.console.backend.DryRun;
import dev.funnel.console.backend.KnowledgeSource;
import dev.funnel.console.backend.Replay;
import dev.funnel.console.backend.TraceStep;
import dev.funnel.console.backend.Turn;
import dev.funnel.console.backend.TurnTotals;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A recorded turn and its replay, as the backend answers them. */
final class TraceFixtures {

    private TraceFixtures() {
    }

    static TraceStep step(String name, String input, String output, BigDecimal cost) {
        return new TraceStep("pipeline_step", name, "default-3f9a", input, output, 640L, 1200, 90, "gpt-4o-mini",
                cost, cost == null ? "No price was configured for model 'gpt-4o-mini' when this step ran" : null);
    }

    static final List<KnowledgeSource> SOURCES = List.of(
            new KnowledgeSource("d1", "shipping.md", 2, 0.8312, "We deliver across France in 2 working days."),
            new KnowledgeSource("d2", "prices.pdf", 0, 0.7049, "Delivery is free above 50 EUR."));

    static Turn turn() {
        return turn(SOURCES);
    }

    static Turn turn(List<KnowledgeSource> sources) {
        return new Turn("t1", "Do you ship to Lyon?", Instant.parse("2026-11-03T10:15:30Z"), List.of(
                step("analyze", "stage=greeting intent=unknown sentiment=neutral window_open=true lead said: \"Do you"
                        + " ship to Lyon?\"", "{\"situation_summary\":\"Asks about delivery\",\"confidence\":0.9}",
                        new BigDecimal("0.00023400")),
                step("decide", "stage_recommendation=discovery confidence=0.90", "{\"action\":\"SEND_NOW\"}",
                        new BigDecimal("0.00023400")),
                step("generate", "action=SEND_NOW next_stage=discovery", "{\"message_text\":\"Yes we do!\"}",
                        new BigDecimal("0.00023400")),
                step("summarize", "previous summary: 0 words; bot reply: yes",
                        "{\"updated_rolling_summary\":\"Lead asked about Lyon.\"}", new BigDecimal("0.00023400"))),
                List.of(new TraceStep("guardrail_message_rewritten", null, null, null, "the message had 80 words",
                        null, null, null, null, null, null)),
                new TurnTotals(4800, 360, 2560, new BigDecimal("0.00093600"), null), sources);
    }

    static Replay replay() {
        DryRun now = new DryRun("SEND_NOW", "Direct question", "Yes, we deliver to Lyon in 2 days.",
                List.of(step("analyze", "stage=greeting", "{}", null)), List.of(),
                new TurnTotals(1200, 90, 640, null, "No total: no price was configured for model(s) 'gpt-4o-mini'"),
                SOURCES.subList(0, 1));
        return new Replay("t1", "Do you ship to Lyon?", "Yes we do!", turn(), now,
                List.of("Messages: the last 3 up to the lead's message the turn answered, as stored now",
                        "Rolling summary: blank, as no summarize step had run before the turn"));
    }
}
