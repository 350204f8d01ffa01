package dev.funnel.console.trace;

/**
 * One model call as the trace window shows it, every figure already in words.
 *
 * @param output the step's answer, pretty-printed when it is JSON
 */
public record StepLine(String step, String promptVersion, String input, String output, String figures) {
}
