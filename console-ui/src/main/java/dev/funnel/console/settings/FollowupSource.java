package dev.funnel.console.settings;

import dev.funnel.console.backend.FollowupTemplate;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Where one value of the follow-up template comes from: the lead's name, the business name or a fixed
 * text. A URL button's {{1}} takes a fixed text only.
 */
public final class FollowupSource {

    /** The kinds of source, as the admin reads them. */
    public enum Kind {
        LEAD_NAME("Lead's name"),
        BUSINESS_NAME("Business name"),
        FIXED_TEXT("Fixed text");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final String label;
    private final List<Kind> kinds;
    private final ObjectProperty<Kind> kind = new SimpleObjectProperty<>();
    private final StringProperty text = new SimpleStringProperty("");
    private final BooleanBinding fixed = Bindings.createBooleanBinding(() -> kind.get() == Kind.FIXED_TEXT, kind);

    /** @param buttonValue a URL button's value, which only a fixed text can be */
    FollowupSource(String label, boolean buttonValue, String saved) {
        this.label = label;
        this.kinds = buttonValue ? List.of(Kind.FIXED_TEXT) : List.of(Kind.values());
        if (saved != null && saved.startsWith(FollowupTemplate.CUSTOM)) {
            kind.set(Kind.FIXED_TEXT);
            text.set(saved.substring(FollowupTemplate.CUSTOM.length()));
        } else if (!buttonValue && FollowupTemplate.BUSINESS_NAME.equals(saved)) {
            kind.set(Kind.BUSINESS_NAME);
        } else {
            kind.set(buttonValue ? Kind.FIXED_TEXT : Kind.LEAD_NAME);
        }
    }

    /** "Header {{1}}", "{{1}}", "Link 1 {{1}}". */
    public String label() {
        return label;
    }

    public List<Kind> kinds() {
        return kinds;
    }

    public ObjectProperty<Kind> kindProperty() {
        return kind;
    }

    public StringProperty textProperty() {
        return text;
    }

    /** True while the source is a fixed text, which then needs its text. */
    public BooleanBinding fixedProperty() {
        return fixed;
    }

    /** The value a lead gets, for the preview. */
    String value(String leadName, String businessName) {
        return switch (kind.get() == null ? Kind.LEAD_NAME : kind.get()) {
            case LEAD_NAME -> leadName;
            case BUSINESS_NAME -> businessName;
            case FIXED_TEXT -> fixedText();
        };
    }

    /** As the API takes it: lead_name, business_name or custom:<text>. */
    String source() {
        return switch (kind.get() == null ? Kind.LEAD_NAME : kind.get()) {
            case LEAD_NAME -> FollowupTemplate.LEAD_NAME;
            case BUSINESS_NAME -> FollowupTemplate.BUSINESS_NAME;
            case FIXED_TEXT -> FollowupTemplate.CUSTOM + fixedText();
        };
    }

    /** A fixed text source without its text. */
    boolean missingText() {
        return kind.get() == Kind.FIXED_TEXT && fixedText().isEmpty();
    }

    private String fixedText() {
        return text.get() == null ? "" : text.get().strip();
    }
}
