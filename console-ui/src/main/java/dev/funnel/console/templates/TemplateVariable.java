package dev.funnel.console.templates;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One value a person types for a {{n}}: an example for Meta's reviewers, or the real value when sending. */
public final class TemplateVariable {

    private final String label;
    private final StringProperty value = new SimpleStringProperty("");

    public TemplateVariable(String label) {
        this.label = label;
    }

    /** "{{1}}", "Header {{1}}", "Button 1 {{1}}"... */
    public String label() {
        return label;
    }

    public StringProperty valueProperty() {
        return value;
    }

    public String value() {
        return value.get() == null ? "" : value.get().strip();
    }
}
