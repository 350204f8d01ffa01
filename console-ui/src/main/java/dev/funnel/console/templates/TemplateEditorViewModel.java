package dev.funnel.console.templates;

import dev.funnel.console.backend.BackendException;
import dev.funnel.console.backend.Template;
import dev.funnel.console.backend.TemplateButton;
import dev.funnel.console.backend.TemplateComponent;
import dev.funnel.console.backend.TemplateDraft;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The template form: name, language, category, header, body with {{1}}.. and an example value for
 * each, footer and buttons, with a live preview of the message as the lead will read it. It checks
 * what Meta would refuse before anything is sent, and puts the backend's field errors next to the
 * fields they are about.
 */
public final class TemplateEditorViewModel {

    /** The form's fields that can carry an error message. */
    public enum Field { NAME, LANGUAGE, CATEGORY, HEADER, HEADER_EXAMPLE, BODY, BODY_EXAMPLES, FOOTER, BUTTONS }

    public static final List<String> CATEGORIES = List.of("MARKETING", "UTILITY", "AUTHENTICATION");
    static final int MAX_HEADER = 60;
    static final int MAX_BODY = 1024;
    static final int MAX_FOOTER = 60;
    static final int MAX_BUTTON_TEXT = 25;
    static final int MAX_BUTTONS = 10;

    private static final Pattern NAME = Pattern.compile("[a-z0-9_]+");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(_[A-Z]{2,4})?");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9]{6,20}");
    private static final Pattern URL = Pattern.compile("https?://[^\\s/]+.*", Pattern.CASE_INSENSITIVE);
    private static final Pattern BUTTON_FIELD = Pattern.compile("components\\[BUTTONS]\\.buttons\\[(\\d+)].*");

    private final ObjectProperty<Template> editing = new SimpleObjectProperty<>();
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty language = new SimpleStringProperty("en_US");
    private final ObjectProperty<String> category = new SimpleObjectProperty<>("MARKETING");
    private final StringProperty header = new SimpleStringProperty("");
    private final StringProperty headerExample = new SimpleStringProperty("");
    private final StringProperty body = new SimpleStringProperty("");
    private final ObservableList<TemplateVariable> bodyExamples = FXCollections.observableArrayList(
            v -> new Observable[] {v.valueProperty()});
    private final StringProperty footer = new SimpleStringProperty("");
    private final ObservableList<ButtonDraft> buttons = FXCollections.observableArrayList(b -> new Observable[] {
            b.typeProperty(), b.textProperty(), b.targetProperty(), b.exampleProperty()});
    private final Map<Field, StringProperty> errors = new EnumMap<>(Field.class);
    private final StringProperty formError = new SimpleStringProperty("");

    private final BooleanBinding editable = Bindings.createBooleanBinding(
            () -> editing.get() == null || editing.get().editable(), editing);
    private final BooleanBinding headerTakesValue = Bindings.createBooleanBinding(
            () -> TemplateText.hasVariables(header.get()), header);
    private final ObjectBinding<TemplatePreview> preview = Bindings.createObjectBinding(
            () -> TemplatePreview.of(components(), headerExamples(), bodyExampleValues()),
            header, headerExample, body, bodyExamples, footer, buttons);

    public TemplateEditorViewModel() {
        for (Field field : Field.values()) {
            errors.put(field, new SimpleStringProperty(""));
        }
        body.subscribe(text -> resizeBodyExamples(TemplateText.variables(text)));
    }

    /** An empty form for a new template. */
    public void startNew() {
        editing.set(null);
        name.set("");
        language.set("en_US");
        category.set("MARKETING");
        header.set("");
        headerExample.set("");
        footer.set("");
        buttons.clear();
        body.set("");
        bodyExamples.forEach(v -> v.valueProperty().set(""));
        clearErrors();
    }

    /** The form filled from a stored template. */
    public void edit(Template template) {
        editing.set(template);
        name.set(template.name());
        language.set(template.language());
        category.set(template.category());
        TemplateComponent head = template.component("HEADER").orElse(null);
        header.set(head == null || head.text() == null ? "" : head.text());
        headerExample.set(head == null ? "" : first(head.example() == null ? null : head.example().headerText()));
        TemplateComponent main = template.component("BODY").orElse(null);
        body.set(main == null || main.text() == null ? "" : main.text());
        List<String> examples = main == null || main.example() == null || main.example().bodyText() == null
                || main.example().bodyText().isEmpty() ? List.of() : main.example().bodyText().getFirst();
        for (int i = 0; i < bodyExamples.size(); i++) {
            bodyExamples.get(i).valueProperty().set(i < examples.size() ? examples.get(i) : "");
        }
        footer.set(template.component("FOOTER").map(TemplateComponent::text).orElse(""));
        buttons.setAll(template.component("BUTTONS").map(TemplateComponent::buttons).orElse(List.of()).stream()
                .filter(Objects::nonNull).map(ButtonDraft::of).toList());
        clearErrors();
    }

    /** The stored template changed (submitted, refreshed): the form follows its status, keeping what was typed. */
    void stored(Template template) {
        editing.set(template);
    }

    public void addButton() {
        if (buttons.size() < MAX_BUTTONS) {
            buttons.add(new ButtonDraft());
        }
    }

    public void removeButton(ButtonDraft button) {
        buttons.remove(button);
    }

    /** What the form says, in the backend's shape. */
    public TemplateDraft draft() {
        return new TemplateDraft(name.get().strip(), language.get().strip(), category.get(), components());
    }

    /** Checks what Meta would refuse; false (with each problem next to its field) when something is. */
    public boolean validate() {
        clearErrors();
        String n = name.get().strip();
        problem(Field.NAME, n.isEmpty() ? "Give the template a name, e.g. spring_offer."
                : !NAME.matcher(n).matches() ? "Use only lowercase letters, digits and underscores, e.g. spring_offer."
                : n.length() > 512 ? "At most 512 characters." : "");
        String lang = language.get().strip();
        problem(Field.LANGUAGE, lang.isEmpty() ? "Give the language code, e.g. en_US."
                : !LANGUAGE.matcher(lang).matches() ? "Use a language code Meta knows, such as en, en_US or pt_BR." : "");
        problem(Field.CATEGORY, category.get() == null ? "Choose a category." : "");
        validateHeader();
        validateBody();
        String foot = footer.get().strip();
        problem(Field.FOOTER, foot.length() > MAX_FOOTER ? "At most " + MAX_FOOTER + " characters."
                : TemplateText.hasVariables(foot) ? "A footer cannot have variables." : "");
        validateButtons();
        return !hasErrors();
    }

    /**
     * A 400's problems put next to their fields: each sentence of the message starts with the field it is
     * about ("name must...; components[BODY].text must..."). What belongs to no field shows above the form.
     */
    public void showServerErrors(BackendException failure) {
        clearErrors();
        if (failure.fields().isEmpty()) {
            formError.set(failure.getMessage());
            return;
        }
        List<String> unplaced = new ArrayList<>();
        for (String sentence : failure.getMessage().split("; ")) {
            if (!place(sentence.split(" ", 2)[0], sentence)) {
                unplaced.add(sentence);
            }
        }
        for (String field : failure.fields()) {
            place(field, null);
        }
        formError.set(String.join("; ", unplaced));
    }

    /** Puts {@code sentence} (or, when null and the field has none yet, a general word) next to the field named. */
    private boolean place(String field, String sentence) {
        Matcher button = BUTTON_FIELD.matcher(field);
        StringProperty target;
        if (button.matches()) {
            int index = Integer.parseInt(button.group(1));
            target = index < buttons.size() ? buttons.get(index).errorProperty() : errors.get(Field.BUTTONS);
        } else {
            Field known = fieldOf(field);
            if (known == null) {
                return false;
            }
            target = errors.get(known);
        }
        if (sentence != null) {
            target.set(target.get().isEmpty() ? sentence : target.get() + "; " + sentence);
        } else if (target.get().isEmpty()) {
            target.set("The server did not accept this field.");
        }
        return true;
    }

    private static Field fieldOf(String name) {
        if (name.startsWith("components[HEADER].example")) {
            return Field.HEADER_EXAMPLE;
        } else if (name.startsWith("components[BODY].example")) {
            return Field.BODY_EXAMPLES;
        }
        return switch (name.replaceAll("\\..*", "")) {
            case "name" -> Field.NAME;
            case "language" -> Field.LANGUAGE;
            case "category" -> Field.CATEGORY;
            case "components[HEADER]" -> Field.HEADER;
            case "components[BODY]" -> Field.BODY;
            case "components[FOOTER]" -> Field.FOOTER;
            case "components[BUTTONS]" -> Field.BUTTONS;
            default -> null;
        };
    }

    private void validateHeader() {
        String text = header.get().strip();
        int variables = TemplateText.variables(text);
        problem(Field.HEADER, text.length() > MAX_HEADER ? "At most " + MAX_HEADER + " characters."
                : !TemplateText.inSequence(text) || variables > 1 ? "A header can have one variable only, {{1}}." : "");
        problem(Field.HEADER_EXAMPLE, variables == 1 && headerExample.get().isBlank()
                ? "Give an example for the header's {{1}}: Meta's reviewers read it." : "");
    }

    private void validateBody() {
        String text = body.get().strip();
        problem(Field.BODY, text.isEmpty() ? "Write the message the lead will read."
                : text.length() > MAX_BODY ? "At most " + MAX_BODY + " characters."
                : !TemplateText.inSequence(text) ? "Number the variables {{1}}, {{2}}... in order, without gaps." : "");
        problem(Field.BODY_EXAMPLES, bodyExamples.stream().anyMatch(v -> v.value().isEmpty())
                ? "Give an example for every variable: Meta's reviewers read them." : "");
    }

    private void validateButtons() {
        long urls = buttons.stream().filter(b -> TemplateButton.URL.equals(b.typeProperty().get())).count();
        long phones = buttons.stream().filter(b -> TemplateButton.PHONE_NUMBER.equals(b.typeProperty().get())).count();
        problem(Field.BUTTONS, urls > 2 ? "At most 2 URL buttons." : phones > 1 ? "At most 1 phone number button." : "");
        for (ButtonDraft b : buttons) {
            String text = b.textProperty().get().strip();
            String target = b.targetProperty().get().strip();
            String problem = text.isEmpty() ? "Give the button a label."
                    : text.length() > MAX_BUTTON_TEXT ? "A label has at most " + MAX_BUTTON_TEXT + " characters." : "";
            if (problem.isEmpty() && TemplateButton.URL.equals(b.typeProperty().get())) {
                problem = !URL.matcher(target).matches() ? "Give the web address, e.g. https://example.com/offer."
                        : TemplateText.hasVariables(target) && !target.endsWith("{{1}}")
                        ? "A web address can only end in {{1}}." : b.urlTakesValue()
                        && b.exampleProperty().get().isBlank() ? "Give an example address for {{1}}." : "";
            } else if (problem.isEmpty() && TemplateButton.PHONE_NUMBER.equals(b.typeProperty().get())) {
                problem = PHONE.matcher(target).matches() ? "" : "Give the number with its country code, e.g. +15550001234.";
            }
            b.errorProperty().set(problem);
        }
    }

    private List<TemplateComponent> components() {
        List<TemplateComponent> components = new ArrayList<>();
        String head = header.get().strip();
        if (!head.isEmpty()) {
            components.add(TemplateComponent.header(head, headerExamples()));
        }
        components.add(TemplateComponent.body(body.get().strip(), bodyExampleValues()));
        if (!footer.get().isBlank()) {
            components.add(TemplateComponent.footer(footer.get().strip()));
        }
        if (!buttons.isEmpty()) {
            components.add(TemplateComponent.buttons(buttons.stream().map(ButtonDraft::toButton).toList()));
        }
        return components;
    }

    private List<String> headerExamples() {
        return TemplateText.hasVariables(header.get()) ? List.of(headerExample.get().strip()) : List.of();
    }

    private List<String> bodyExampleValues() {
        return bodyExamples.stream().map(TemplateVariable::value).toList();
    }

    private void resizeBodyExamples(int count) {
        while (bodyExamples.size() > count) {
            bodyExamples.removeLast();
        }
        while (bodyExamples.size() < count) {
            bodyExamples.add(new TemplateVariable("{{" + (bodyExamples.size() + 1) + "}}"));
        }
    }

    private void problem(Field field, String message) {
        errors.get(field).set(message);
    }

    private void clearErrors() {
        errors.values().forEach(e -> e.set(""));
        buttons.forEach(b -> b.errorProperty().set(""));
        formError.set("");
    }

    private boolean hasErrors() {
        return errors.values().stream().anyMatch(e -> !e.get().isEmpty())
                || buttons.stream().anyMatch(b -> !b.errorProperty().get().isEmpty());
    }

    private static String first(List<String> values) {
        return values == null || values.isEmpty() || values.getFirst() == null ? "" : values.getFirst();
    }

    public StringProperty errorProperty(Field field) {
        return errors.get(field);
    }

    /** A problem the backend named without a field of this form. */
    public StringProperty formErrorProperty() {
        return formError;
    }

    /** The stored template the form shows, or null for a new one. */
    public ReadOnlyObjectProperty<Template> editingProperty() {
        return editing;
    }

    public BooleanBinding editableProperty() {
        return editable;
    }

    public BooleanBinding headerTakesValueProperty() {
        return headerTakesValue;
    }

    public ObjectBinding<TemplatePreview> previewProperty() {
        return preview;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty languageProperty() {
        return language;
    }

    public ObjectProperty<String> categoryProperty() {
        return category;
    }

    public StringProperty headerProperty() {
        return header;
    }

    public StringProperty headerExampleProperty() {
        return headerExample;
    }

    public StringProperty bodyProperty() {
        return body;
    }

    /** One example per {{n}} of the body, following the body as it is typed. */
    public ObservableList<TemplateVariable> bodyExamples() {
        return bodyExamples;
    }

    public StringProperty footerProperty() {
        return footer;
    }

    public ObservableList<ButtonDraft> buttons() {
        return buttons;
    }
}
