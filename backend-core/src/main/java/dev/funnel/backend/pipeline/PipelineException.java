package dev.funnel.backend.pipeline;

import java.util.List;
import java.util.Optional;

/**
 * Any failure of a pipeline run. {@link #retriable()} tells the worker whether redelivering the
 * message may help (timeouts, rate limits, server errors) or whether it must turn the failure into
 * a visible, handled outcome (bad key, invalid answer, broken prompt).
 */
public final class PipelineException extends RuntimeException {

    private final boolean retriable;
    private final PipelineStep step;
    private final List<StepTrace> traces;

    public PipelineException(String message, boolean retriable) {
        this(message, retriable, null);
    }

    public PipelineException(String message, boolean retriable, Throwable cause) {
        this(message, retriable, null, List.of(), cause);
    }

    private PipelineException(String message, boolean retriable, PipelineStep step, List<StepTrace> traces,
                              Throwable cause) {
        super(message, cause);
        this.retriable = retriable;
        this.step = step;
        this.traces = List.copyOf(traces);
    }

    public boolean retriable() {
        return retriable;
    }

    /** The step that failed; empty when the failure happened outside a run (e.g. a bare LLM call). */
    public Optional<PipelineStep> step() {
        return Optional.ofNullable(step);
    }

    /** Traces of the steps that completed before the failure, so the caller can still record them. */
    public List<StepTrace> traces() {
        return traces;
    }

    /** The same failure, placed in a run: names the step and carries what ran before it. */
    PipelineException inStep(PipelineStep failedStep, List<StepTrace> completed) {
        return new PipelineException(failedStep.id() + " step failed: " + getMessage(), retriable, failedStep,
                completed, this);
    }
}
