package dev.funnel.backend.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One step's prompt as text: a {@code ## system} section, then a {@code ## user} section, with
 * {@code {{variable}}} placeholders. Prompts are data so an organisation can edit them without a
 * release; the code only fills in values. The version names where the text came from (a default
 * file's hash, an organisation's revision) and goes into every trace row made with it.
 *
 * <p>A part of a line written {@code {{#name}}...{{/name}}} is kept only when the variable
 * {@code name} is not empty, and a line that such parts leave empty is left out: an organisation
 * without a playbook gets no "Playbook:" line, and pays no tokens for one.
 */
public final class PromptTemplate {

    private static final String SYSTEM_HEADING = "## system";
    private static final String USER_HEADING = "## user";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-z0-9_]+)\\s*}}");
    /** A placeholder, or the opening ({@code #}) or closing ({@code /}) tag of an optional part. */
    private static final Pattern TAG = Pattern.compile("\\{\\{\\s*([#/]?)\\s*([a-z0-9_]+)\\s*}}");
    private static final Pattern OPTIONAL_PART =
            Pattern.compile("\\{\\{#\\s*([a-z0-9_]+)\\s*}}(.*?)\\{\\{/\\s*\\1\\s*}}");

    private final String text;
    private final String version;
    private final String system;
    private final String user;

    private PromptTemplate(String text, String version, String system, String user) {
        this.text = text;
        this.version = version;
        this.system = system;
        this.user = user;
    }

    /**
     * Splits the text at the lines that are exactly {@code ## system} and {@code ## user}, in that order.
     *
     * @throws IllegalArgumentException when a section is missing, repeated, out of order or empty
     */
    public static PromptTemplate parse(String text, String version) {
        List<String> lines = text.lines().toList();
        int systemAt = headingLine(lines, SYSTEM_HEADING);
        int userAt = headingLine(lines, USER_HEADING);
        if (systemAt > userAt) {
            throw new IllegalArgumentException("the '## system' section must come before the '## user' section");
        }
        if (lines.subList(0, systemAt).stream().anyMatch(line -> !line.isBlank())) {
            throw new IllegalArgumentException("text before '## system' would be lost; move it into a section");
        }
        String system = String.join("\n", lines.subList(systemAt + 1, userAt)).strip();
        String user = String.join("\n", lines.subList(userAt + 1, lines.size())).strip();
        if (system.isEmpty() || user.isEmpty()) {
            throw new IllegalArgumentException("both the '## system' and the '## user' section need some text");
        }
        return new PromptTemplate(text, version, system, user);
    }

    private static int headingLine(List<String> lines, String heading) {
        int found = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(heading)) {
                if (found >= 0) {
                    throw new IllegalArgumentException("the line '" + heading + "' appears more than once");
                }
                found = i;
            }
        }
        if (found < 0) {
            throw new IllegalArgumentException("a line '" + heading + "' is missing");
        }
        return found;
    }

    /** The variable names used in either section, by placeholders or optional parts, in order of first use. */
    public Set<String> variables() {
        Set<String> names = new LinkedHashSet<>();
        for (String section : List.of(system, user)) {
            TAG.matcher(section).results().forEach(match -> names.add(match.group(2)));
        }
        return names;
    }

    /**
     * Every "{{" that does not open a well-formed "{{name}}", "{{#name}}" or "{{/name}}" (lower-case
     * letters, digits and _), shown as written up to its closing braces, and every optional part not
     * opened and closed on one line. A lone "}}" is left alone: JSON examples in prompts end with it.
     */
    public List<String> malformedPlaceholders() {
        List<String> malformed = new ArrayList<>();
        Matcher tag = TAG.matcher(text);
        int at = text.indexOf("{{");
        while (at >= 0) {
            if (tag.region(at, text.length()).lookingAt()) {
                at = text.indexOf("{{", tag.end());
            } else {
                int next = text.indexOf("{{", at + 2);
                malformed.add(asWritten(at, next));
                at = next;
            }
        }
        text.lines().map(line -> withoutOptionalParts(line, name -> false)).forEach(rest -> TAG.matcher(rest)
                .results().filter(match -> !match.group(1).isEmpty())
                .forEach(match -> malformed.add(match.group() + " (an optional part opens and closes on one line)")));
        return malformed;
    }

    /** From {@code at} to the braces that close it, not past the line, the next opening or a short excerpt. */
    private String asWritten(int at, int nextOpening) {
        int limit = Math.min(at + 60, text.length());
        if (nextOpening >= 0) {
            limit = Math.min(limit, nextOpening);
        }
        int lineEnd = text.indexOf('\n', at);
        if (lineEnd >= 0) {
            limit = Math.min(limit, lineEnd);
        }
        int end = at + 2;
        while (end < limit && text.charAt(end) != '}') {
            end++;
        }
        while (end < limit && text.charAt(end) == '}') {
            end++;
        }
        return text.substring(at, end).strip();
    }

    /**
     * Keeps or drops the optional parts, then fills every placeholder in one pass, so a value that
     * itself contains {@code {{...}}} (a lead can type anything) is inserted literally and never expanded.
     *
     * @throws PipelineException (not retriable) naming every placeholder without a value
     */
    public RenderedPrompt render(Map<String, String> values) {
        List<String> missing = new ArrayList<>();
        for (String name : variables()) {
            if (values.get(name) == null) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw new PipelineException("no value was given for the prompt variable(s) "
                    + String.join(", ", missing.stream().map(name -> "{{" + name + "}}").toList()), false);
        }
        return new RenderedPrompt(fill(system, values), fill(user, values));
    }

    private static String fill(String section, Map<String, String> values) {
        return section.lines()
                .map(line -> {
                    String kept = withoutOptionalParts(line, name -> !values.get(name).isBlank());
                    return kept.isBlank() && !line.isBlank() ? null : kept;
                })
                .filter(Objects::nonNull)
                .map(line -> PLACEHOLDER.matcher(line)
                        .replaceAll(match -> Matcher.quoteReplacement(values.get(match.group(1)))))
                .collect(Collectors.joining("\n"));
    }

    /** The line with each optional part replaced by its content when {@code keep} says so, else by nothing. */
    private static String withoutOptionalParts(String line, Predicate<String> keep) {
        String previous;
        String current = line;
        do {
            previous = current;
            current = OPTIONAL_PART.matcher(previous).replaceAll(match -> keep.test(match.group(1))
                    ? Matcher.quoteReplacement(match.group(2)) : "");
        } while (!current.equals(previous));
        return current;
    }

    /** The text as written, both sections and their headings. */
    public String text() {
        return text;
    }

    public String version() {
        return version;
    }

    public String system() {
        return system;
    }

    public String user() {
        return user;
    }
}
