package dev.funnel.backend.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The prompt template of each step: the defaults shipped in the jar, or an organisation's own. */
public final class PromptLibrary {

    private final Map<PipelineStep, PromptTemplate> templates;

    private PromptLibrary(Map<PipelineStep, PromptTemplate> templates) {
        this.templates = templates;
    }

    /**
     * The default prompts shipped in the jar as {@code prompts/<step id>.md}, each versioned
     * {@code default-<first 12 hex digits of its SHA-256>} so a trace row tells which text was used.
     */
    public static PromptLibrary defaults() {
        Map<PipelineStep, PromptTemplate> templates = new EnumMap<>(PipelineStep.class);
        for (PipelineStep step : PipelineStep.values()) {
            String name = "prompts/" + step.id() + ".md";
            String text = resource(name);
            try {
                templates.put(step, check(step, text, "default-" + shortHash(text)));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("prompt resource " + name + " is malformed: " + e.getMessage(), e);
            }
        }
        return new PromptLibrary(templates);
    }

    /**
     * Parses a step's prompt and checks that its placeholders are well formed and name only
     * variables that step gets.
     *
     * @throws IllegalArgumentException saying what is wrong and, for placeholders, which variables are allowed
     */
    public static PromptTemplate check(PipelineStep step, String text, String version) {
        PromptTemplate template = PromptTemplate.parse(text, version);
        List<String> problems = new ArrayList<>();
        List<String> malformed = template.malformedPlaceholders();
        if (!malformed.isEmpty()) {
            problems.add("malformed placeholder(s) " + String.join(", ", malformed)
                    + ": write a variable as {{name}} with lower-case letters, digits and _, and a part kept only when"
                    + " a variable has a value as {{#name}}...{{/name}} on one line");
        }
        List<String> allowed = PromptVariables.allowedFor(step).stream().map(PromptVariables.Variable::name).toList();
        Set<String> unknown = template.variables().stream().filter(name -> !allowed.contains(name))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (!unknown.isEmpty()) {
            problems.add("unknown variable(s) " + placeholders(unknown));
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("The " + step.id() + " prompt has " + String.join("; ", problems)
                    + ". Allowed variables: " + placeholders(allowed));
        }
        return template;
    }

    /** This library with the given steps' templates in place of its own. */
    public PromptLibrary withOverrides(Map<PipelineStep, PromptTemplate> overrides) {
        Map<PipelineStep, PromptTemplate> merged = new EnumMap<>(templates);
        merged.putAll(overrides);
        return new PromptLibrary(merged);
    }

    public PromptTemplate forStep(PipelineStep step) {
        return templates.get(step);
    }

    private static String placeholders(Collection<String> names) {
        return names.stream().map(name -> "{{" + name + "}}").collect(Collectors.joining(", "));
    }

    private static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
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
