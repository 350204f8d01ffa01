package dev.funnel.backend.scenarios;

import dev.funnel.backend.trace.ModelPrices;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The scenario runs as a table a person reads: one row per scenario, then the totals. */
public record Scorecard(String model, List<ScenarioRunner.Outcome> outcomes, ModelPrices prices) {

    private static final String ROW = "%-20s %-18s %-18s %-5s %-24s %7s %7s %8s %12s%n";
    private static final int ACTUAL_WIDTH = 18;

    public Scorecard {
        outcomes = List.copyOf(outcomes);
    }

    public long passed() {
        return outcomes.stream().filter(ScenarioRunner.Outcome::passed).count();
    }

    public long failed() {
        return outcomes.size() - passed();
    }

    public String render() {
        StringBuilder out = new StringBuilder();
        out.append("Scenarios against model ").append(model).append('\n');
        out.append(ROW.formatted("scenario", "expected", "actual", "pass", "guardrails", "tok in", "tok out",
                "ms", "cost USD"));
        List<String> failures = new ArrayList<>();
        for (ScenarioRunner.Outcome o : outcomes) {
            String actual = o.actual();
            if (actual.length() > ACTUAL_WIDTH) {
                failures.add(o.scenario().id() + ": " + actual);
                actual = actual.substring(0, ACTUAL_WIDTH - 1) + "…";
            }
            out.append(ROW.formatted(o.scenario().id(), o.scenario().expected(), actual, o.passed() ? "PASS" : "FAIL",
                    o.interventions().isEmpty() ? "-" : String.join(",", o.interventions()), o.inputTokens(),
                    o.outputTokens(), o.latencyMs(), cost(o.inputTokens(), o.outputTokens())));
        }
        int in = outcomes.stream().mapToInt(ScenarioRunner.Outcome::inputTokens).sum();
        int outTokens = outcomes.stream().mapToInt(ScenarioRunner.Outcome::outputTokens).sum();
        long ms = outcomes.stream().mapToLong(ScenarioRunner.Outcome::latencyMs).sum();
        out.append(ROW.formatted("total", "", "", passed() + "/" + outcomes.size(), "", in, outTokens, ms,
                cost(in, outTokens)));
        out.append(passed()).append(" passed, ").append(failed()).append(" failed\n");
        failures.forEach(f -> out.append(f).append('\n'));
        return out.toString();
    }

    private String cost(int inputTokens, int outputTokens) {
        Optional<BigDecimal> cost = prices.cost(model, inputTokens, outputTokens);
        return cost.map(c -> c.stripTrailingZeros().toPlainString()).orElse("no price");
    }
}
