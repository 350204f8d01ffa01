package dev.funnel.backend.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;

/** The prompt template of each step. */
public final class PromptLibrary {

    private final Map<PipelineStep, PromptTemplate> templates;

    private PromptLibrary(Map<PipelineStep, PromptTemplate> templates) {
        this.templates = templates;
    }

    /** The default prompts shipped in the jar as {@code prompts/<step id>.md}. */
    public static PromptLibrary defaults() {
        Map<PipelineStep, PromptTemplate> templates = new EnumMap<>(PipelineStep.class);
        for (PipelineStep step : PipelineStep.values()) {
            String name = "prompts/" + step.id() + ".md";
            try {
                templates.put(step, PromptTemplate.parse(resource(name)));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("prompt resource " + name + " is malformed: " + e.getMessage(), e);
            }
        }
        return new PromptLibrary(templates);
    }

    public PromptTemplate forStep(PipelineStep step) {
        return templates.get(step);
    }

    private static String resource(String name) {
        try (InputStream in = PromptLibrary.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("prompt resource " + name + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read prompt resource " + name, e);
        }
    }
}
