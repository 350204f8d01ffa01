package dev.funnel.console.templates;

import dev.funnel.console.backend.TemplateButton;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * A button being written: its type, label, target (the URL, or the phone number) and, for a URL
 * ending in {{1}}, one example URL. {@code error} says what is wrong with it.
 */
public final class ButtonDraft {

    public static final List<String> TYPES = List.of(TemplateButton.QUICK_REPLY, TemplateButton.URL,
            TemplateButton.PHONE_NUMBER);

    private final ObjectProperty<String> type = new SimpleObjectProperty<>(TemplateButton.QUICK_REPLY);
    private final StringProperty text = new SimpleStringProperty("");
    private final StringProperty target = new SimpleStringProperty("");
    private final StringProperty example = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");

    static ButtonDraft of(TemplateButton button) {
        ButtonDraft draft = new ButtonDraft();
        draft.type.set(button.type() == null ? TemplateButton.QUICK_REPLY : button.type().toUpperCase());
        draft.text.set(orEmpty(button.text()));
        draft.target.set(TemplateButton.PHONE_NUMBER.equals(draft.type.get()) ? orEmpty(button.phoneNumber())
                : orEmpty(button.url()));
        draft.example.set(button.example() == null || button.example().isEmpty() ? "" : button.example().getFirst());
        return draft;
    }

    TemplateButton toButton() {
        String kind = type.get();
        String label = text.get().strip();
        String value = target.get().strip();
        return switch (kind) {
            case TemplateButton.URL -> new TemplateButton(kind, label, value, null,
                    urlTakesValue() ? List.of(example.get().strip()) : null);
            case TemplateButton.PHONE_NUMBER -> new TemplateButton(kind, label, null, value, null);
            default -> new TemplateButton(kind, label, null, null, null);
        };
    }

    /** A URL button whose URL ends in {{1}}: it needs an example now and a value when sent. */
    public boolean urlTakesValue() {
        return TemplateButton.URL.equals(type.get()) && TemplateText.hasVariables(target.get());
    }

    public ObjectProperty<String> typeProperty() {
        return type;
    }

    public StringProperty textProperty() {
        return text;
    }

    /** The URL of a URL button, the number of a PHONE_NUMBER button; unused for a quick reply. */
    public StringProperty targetProperty() {
        return target;
    }

    public StringProperty exampleProperty() {
        return example;
    }

    public StringProperty errorProperty() {
        return error;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
