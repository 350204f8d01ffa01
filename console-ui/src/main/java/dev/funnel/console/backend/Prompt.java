package dev.funnel.console.backend;

import java.time.Instant;
import java.util.List;

/**
 * A step's prompt as the organisation's turns use it: its own saved text ({@code overridden}) or the
 * default. {@code version} is "org-&lt;n&gt;" for a saved revision, "default-&lt;hash&gt;" otherwise.
 */
public record Prompt(String step, String text, boolean overridden, String version, Instant savedAt,
                     List<Variable> variables) {

    /** A {@code {{variable}}} the step's prompt may use, and what it holds. */
    public record Variable(String name, String description) {
    }
}
