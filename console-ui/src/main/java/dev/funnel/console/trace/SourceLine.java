package dev.funnel.console.trace;

/**
 * A knowledge-base snippet given to the turn's generate step, as the trace window shows it.
 *
 * @param title "shipping.md · chunk 2 · score 0.83"
 */
public record SourceLine(String title, String excerpt) {
}
