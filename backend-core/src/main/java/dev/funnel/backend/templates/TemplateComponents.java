package dev.funnel.backend.templates;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.funnel.backend.http.Fields;
import dev.funnel.backend.http.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A template's components in Meta's shape ({@code [{type: HEADER|BODY|FOOTER|BUTTONS, ...}]}): checked
 * against Meta's rules before anything is stored, counted for sending and filled in for the console.
 */
public record TemplateComponents(List<Component> list) {

    static final int MAX_HEADER = 60;
    static final int MAX_BODY = 1024;
    static final int MAX_FOOTER = 60;
    static final int MAX_BUTTON_TEXT = 25;
    static final int MAX_BUTTONS = 10;
    static final int MAX_URL = 2000;

    private static final Pattern VARIABLE = Pattern.compile("\\{\\{(.*?)}}");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9]{6,20}");
    private static final List<String> TYPES = List.of("HEADER", "BODY", "FOOTER", "BUTTONS");
    private static final List<String> BUTTON_TYPES = List.of("QUICK_REPLY", "URL", "PHONE_NUMBER");

    /**
     * One component; which fields apply depends on its type. {@code example} holds the sample values
     * Meta's reviewers read ({@code header_text: [..]}, {@code body_text: [[..]]}); it is kept as JSON
     * because templates synced from Meta carry other kinds (media handles...).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Component(String type, String format, String text, JsonNode example, List<Button> buttons) {

        List<String> headerExamples() {
            return texts(example == null ? null : example.path("header_text"));
        }

        List<List<String>> bodyExamples() {
            List<List<String>> rows = new ArrayList<>();
            if (example != null) {
                example.path("body_text").forEach(row -> rows.add(texts(row)));
            }
            return rows;
        }
    }

    /** A button; a URL button may end in {{1}}, completed when the template is sent ({@code example}: a sample URL). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Button(String type, String text, String url, String phoneNumber, JsonNode example) {

        List<String> examples() {
            return texts(example);
        }
    }

    public TemplateComponents {
        list = list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
    }

    public static TemplateComponents parse(String json) {
        try {
            return new TemplateComponents(Json.MAPPER.readValue(json, new TypeReference<List<Component>>() {
            }));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored template components are not valid JSON", e);
        }
    }

    /** The components as stored and as Meta takes them, types in upper case. */
    public String json() {
        return Json.text(list);
    }

    /** The same components with their type, format and button type in upper case, as Meta writes them. */
    TemplateComponents normalised() {
        return new TemplateComponents(list.stream().map(c -> new Component(upper(c.type()), upper(c.format()),
                c.text(), c.example(), c.buttons() == null ? null : c.buttons().stream().filter(Objects::nonNull)
                .map(b -> new Button(upper(b.type()), b.text(), b.url(), b.phoneNumber(), b.example())).toList()))
                .toList());
    }

    public Optional<Component> component(String type) {
        return list.stream().filter(c -> type.equals(c.type())).findFirst();
    }

    /** How many {{n}} the header has (0 or 1). */
    public int headerVariables() {
        return component("HEADER").map(c -> variables(c.text()).size()).orElse(0);
    }

    public int bodyVariables() {
        return component("BODY").map(c -> variables(c.text()).size()).orElse(0);
    }

    /** The indexes (among all buttons) of the URL buttons that take a value when sent. */
    public List<Integer> dynamicUrlButtons() {
        List<Button> buttons = component("BUTTONS").map(Component::buttons).orElse(List.of());
        List<Integer> dynamic = new ArrayList<>();
        for (int i = 0; i < buttons.size(); i++) {
            if ("URL".equals(buttons.get(i).type()) && buttons.get(i).url() != null
                    && !variables(buttons.get(i).url()).isEmpty()) {
                dynamic.add(i);
            }
        }
        return dynamic;
    }

    /** The text a lead reads: header, body and footer with the values put in, one per line. */
    public String render(List<String> headerValues, List<String> bodyValues) {
        List<String> parts = new ArrayList<>();
        component("HEADER").filter(c -> c.text() != null).ifPresent(c -> parts.add(fill(c.text(), headerValues)));
        component("BODY").ifPresent(c -> parts.add(fill(c.text(), bodyValues)));
        component("FOOTER").ifPresent(c -> parts.add(c.text()));
        return String.join("\n", parts);
    }

    /** Adds a problem to {@code fields} for everything Meta would refuse; field names as in the request. */
    void validate(Fields fields) {
        fields.check(!list.isEmpty(), "components is required: at least a BODY");
        List<String> seen = new ArrayList<>();
        for (Component c : list) {
            String type = c.type() == null ? "" : c.type();
            fields.check(TYPES.contains(type), "components[].type must be one of " + String.join(", ", TYPES)
                    + ", not '" + type + "'");
            fields.check(!seen.contains(type) || !TYPES.contains(type), "components has more than one " + type);
            seen.add(type);
            switch (type) {
                case "HEADER" -> validateHeader(c, fields);
                case "BODY" -> validateBody(c, fields);
                case "FOOTER" -> validateText("components[FOOTER].text", c.text(), MAX_FOOTER, fields)
                        .check(c.text() == null || variables(c.text()).isEmpty(),
                                "components[FOOTER].text cannot have variables");
                case "BUTTONS" -> validateButtons(c.buttons(), fields);
                default -> {
                    // already reported above
                }
            }
        }
        fields.check(seen.contains("BODY"), "components must include a BODY");
    }

    private static void validateHeader(Component c, Fields fields) {
        fields.check("TEXT".equals(c.format()), "components[HEADER].format must be TEXT");
        validateText("components[HEADER].text", c.text(), MAX_HEADER, fields);
        List<Integer> vars = c.text() == null ? List.of() : variables(c.text());
        fields.check(vars.size() <= 1, "components[HEADER].text can have at most one variable, {{1}}");
        checkSequence("components[HEADER].text", c.text(), fields);
        List<String> examples = c.headerExamples();
        fields.check(vars.size() > 1 || complete(examples, vars.size()), "components[HEADER].example.header_text must "
                + "give " + vars.size() + " example value(s), one for each variable of the header");
    }

    private static void validateBody(Component c, Fields fields) {
        validateText("components[BODY].text", c.text(), MAX_BODY, fields);
        if (c.text() == null || !checkSequence("components[BODY].text", c.text(), fields)) {
            return;
        }
        int n = variables(c.text()).size();
        List<List<String>> examples = c.bodyExamples();
        boolean given = n == 0 ? examples.isEmpty() || complete(examples.getFirst(), 0)
                : examples.size() == 1 && complete(examples.getFirst(), n);
        fields.check(given, "components[BODY].example.body_text must be one list of " + n
                + " example value(s), one for each of " + range(n));
    }

    private static void validateButtons(List<Button> buttons, Fields fields) {
        List<Button> all = buttons == null ? List.of() : buttons;
        fields.check(!all.isEmpty() && all.size() <= MAX_BUTTONS,
                "components[BUTTONS].buttons must have between 1 and " + MAX_BUTTONS + " buttons");
        for (int i = 0; i < all.size(); i++) {
            Button b = all.get(i);
            String name = "components[BUTTONS].buttons[" + i + "]";
            String type = b == null || b.type() == null ? "" : b.type();
            fields.check(BUTTON_TYPES.contains(type), name + ".type must be one of " + String.join(", ", BUTTON_TYPES));
            if (b == null) {
                continue;
            }
            validateText(name + ".text", b.text(), MAX_BUTTON_TEXT, fields);
            if ("URL".equals(type)) {
                validateUrlButton(name, b, fields);
            } else if ("PHONE_NUMBER".equals(type)) {
                fields.required(name + ".phone_number", b.phoneNumber())
                        .check(b.phoneNumber() == null || PHONE.matcher(b.phoneNumber()).matches(),
                                name + ".phone_number must be a number with its country code, e.g. +15550001234");
            }
        }
        fields.check(all.stream().filter(b -> b != null && "URL".equals(b.type())).count() <= 2,
                "components[BUTTONS] can have at most 2 URL buttons");
        fields.check(all.stream().filter(b -> b != null && "PHONE_NUMBER".equals(b.type())).count() <= 1,
                "components[BUTTONS] can have at most 1 PHONE_NUMBER button");
    }

    private static void validateUrlButton(String name, Button b, Fields fields) {
        fields.required(name + ".url", b.url()).maxLength(name + ".url", b.url(), MAX_URL);
        if (b.url() == null) {
            return;
        }
        List<Integer> vars = variables(b.url());
        fields.httpUrl(name + ".url", VARIABLE.matcher(b.url()).replaceAll("x"), "https://example.com/order/{{1}}")
                .check(vars.isEmpty() || (vars.equals(List.of(1)) && b.url().endsWith("{{1}}")),
                        name + ".url can have one variable, {{1}}, at its end")
                .check(vars.isEmpty() || complete(b.examples(), 1),
                        name + ".example must give one example URL for {{1}}");
    }

    private static Fields validateText(String name, String text, int max, Fields fields) {
        return fields.required(name, text).maxLength(name, text, max);
    }

    /** Checks the variables are {{1}}..{{n}} without gaps; false (with a problem added) when they are not. */
    private static boolean checkSequence(String name, String text, Fields fields) {
        if (text == null) {
            return true;
        }
        Matcher m = VARIABLE.matcher(text);
        TreeSet<Integer> numbers = new TreeSet<>();
        boolean numeric = true;
        while (m.find()) {
            String inner = m.group(1).strip();
            numeric &= inner.matches("[1-9][0-9]{0,2}");
            if (inner.matches("[1-9][0-9]{0,2}")) {
                numbers.add(Integer.parseInt(inner));
            }
        }
        boolean sequential = numeric && (numbers.isEmpty() || numbers.last() == numbers.size());
        fields.check(sequential, name + " must number its variables {{1}}, {{2}}... in sequence, without gaps");
        return sequential;
    }

    /** The distinct variable numbers of a text, smallest first. */
    private static List<Integer> variables(String text) {
        if (text == null) {
            return List.of();
        }
        Matcher m = VARIABLE.matcher(text);
        TreeSet<Integer> numbers = new TreeSet<>();
        while (m.find()) {
            String inner = m.group(1).strip();
            numbers.add(inner.matches("[0-9]{1,3}") ? Integer.parseInt(inner) : -1);
        }
        return List.copyOf(numbers);
    }

    private static String fill(String text, List<String> values) {
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String inner = m.group(1).strip();
            int n = inner.matches("[0-9]{1,3}") ? Integer.parseInt(inner) : 0;
            String value = n >= 1 && n <= values.size() ? values.get(n - 1) : m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The texts of a JSON array; anything else is no texts. */
    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(v -> texts.add(v.isTextual() || v.isNumber() ? v.asText() : null));
        }
        return texts;
    }

    private static boolean complete(List<String> values, int n) {
        return values.size() == n && values.stream().allMatch(v -> v != null && !v.isBlank());
    }

    static String range(int n) {
        return n == 0 ? "no variables" : n == 1 ? "{{1}}" : "{{1}}..{{" + n + "}}";
    }

    private static String upper(String value) {
        return value == null ? null : value.strip().toUpperCase(Locale.ROOT);
    }
}
