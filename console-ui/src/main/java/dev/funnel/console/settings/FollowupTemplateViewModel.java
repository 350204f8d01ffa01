package dev.funnel.console.settings;

import dev.funnel.console.backend.FollowupTemplate;
import dev.funnel.console.backend.Template;
import dev.funnel.console.backend.TemplateParameters;
import dev.funnel.console.backend.TemplateValues;
import dev.funnel.console.templates.TemplatePreview;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The settings' follow-up template: which APPROVED template a follow-up sends once the lead's 24-hour
 * window has closed (or none, and a person is asked), where each of its values comes from, the word for a
 * lead whose name is unknown, and the message as a lead reads it. Loaded and saved with the other settings
 * by {@link OrganisationSettingsViewModel}.
 */
public final class FollowupTemplateViewModel {

    /** The lead the preview is written for. */
    public static final String SAMPLE_LEAD_NAME = "Priya";
    static final String DEFAULT_NAME_FALLBACK = "there";

    /** A choice of template; {@link #NONE} hands such follow-ups to a person. */
    public record Choice(Template template) {

        public static final Choice NONE = new Choice(null);

        @Override
        public String toString() {
            return template == null ? "None — ask a person" : template.name() + " (" + template.language() + ")"
                    + (template.approved() ? "" : " — " + template.status());
        }
    }

    private final ObservableStringValue businessName;
    private final ObservableList<Choice> choices = FXCollections.observableArrayList(Choice.NONE);
    private final ObjectProperty<Choice> chosen = new SimpleObjectProperty<>(Choice.NONE);
    private final ObservableList<FollowupSource> sources = FXCollections.observableArrayList(
            s -> new Observable[] {s.kindProperty(), s.textProperty()});
    private final StringProperty nameFallback = new SimpleStringProperty(DEFAULT_NAME_FALLBACK);
    private final ObjectBinding<TemplatePreview> preview;
    private final StringBinding note;
    private FollowupTemplate saved;

    /** @param businessName the business name as the form has it, for the preview */
    FollowupTemplateViewModel(ObservableStringValue businessName) {
        this.businessName = businessName;
        preview = Bindings.createObjectBinding(this::previewNow, chosen, sources, businessName);
        note = Bindings.createStringBinding(this::noteNow, chosen, choices);
        chosen.subscribe(this::prepareSources);
    }

    /** Shows the saved choice; {@code templates} (all of the organisation's) replace the choices unless null. */
    void show(FollowupTemplate chosenBefore, List<Template> templates) {
        saved = chosenBefore;
        if (templates != null) {
            List<Choice> fresh = new ArrayList<>(List.of(Choice.NONE));
            templates.stream()
                    .filter(t -> t.approved() || (chosenBefore != null && t.id().equals(chosenBefore.templateId())))
                    .map(Choice::new).forEach(fresh::add);
            choices.setAll(fresh);
        }
        nameFallback.set(chosenBefore == null ? DEFAULT_NAME_FALLBACK : chosenBefore.nameFallback());
        Choice again = choices.stream().filter(c -> c.template() != null && chosenBefore != null
                && c.template().id().equals(chosenBefore.templateId())).findFirst().orElse(Choice.NONE);
        chosen.set(null); // the rows are built again from the saved sources even when the same template stays
        chosen.set(again);
    }

    /**
     * The choice as the API takes it, null for none; problems go into {@code found} under {@code field}
     * (a fixed text without its text, no word for an unknown name).
     */
    FollowupTemplate value(Map<String, String> found, String field) {
        Choice choice = chosen.get();
        if (choice == null || choice.template() == null) {
            return null;
        }
        List<String> problems = new ArrayList<>();
        sources.stream().filter(FollowupSource::missingText)
                .forEach(s -> problems.add("Write the fixed text for " + s.label()));
        String fallback = nameFallback.get() == null ? "" : nameFallback.get().strip();
        if (fallback.isEmpty()) {
            problems.add("Give the word that stands for an unknown name, e.g. " + DEFAULT_NAME_FALLBACK);
        }
        if (!problems.isEmpty()) {
            found.put(field, String.join("; ", problems));
        }
        Template t = choice.template();
        TemplateValues all = t.parameters().split(sources.stream().map(FollowupSource::source).toList());
        return new FollowupTemplate(t.id(), all.header(), all.body(), all.buttons(), fallback);
    }

    /** One row per value the chosen template takes: header, body, then URL buttons. */
    private void prepareSources(Choice choice) {
        List<FollowupSource> fresh = new ArrayList<>();
        if (choice != null && choice.template() != null) {
            Template t = choice.template();
            TemplateParameters parameters = t.parameters();
            List<String> earlier = saved != null && t.id().equals(saved.templateId())
                    ? savedInOrder(parameters) : List.of();
            List<String> labels = parameters.labels();
            for (int i = 0; i < labels.size(); i++) {
                fresh.add(new FollowupSource(labels.get(i), parameters.isButton(i), at(earlier, i)));
            }
        }
        sources.setAll(fresh);
    }

    /** The saved sources in the order of the template's values, null where one is missing. */
    private List<String> savedInOrder(TemplateParameters parameters) {
        List<String> inOrder = new ArrayList<>();
        for (int i = 0; i < parameters.header(); i++) {
            inOrder.add(at(saved.header(), i));
        }
        for (int i = 0; i < parameters.body(); i++) {
            inOrder.add(at(saved.body(), i));
        }
        for (int i = 0; i < parameters.buttons(); i++) {
            inOrder.add(at(saved.buttons(), i));
        }
        return inOrder;
    }

    private TemplatePreview previewNow() {
        Choice choice = chosen.get();
        if (choice == null || choice.template() == null) {
            return TemplatePreview.EMPTY;
        }
        String business = businessName.get() == null ? "" : businessName.get().strip();
        TemplateValues values = choice.template().parameters()
                .split(sources.stream().map(s -> s.value(SAMPLE_LEAD_NAME, business)).toList());
        return TemplatePreview.of(choice.template().components(), values.header(), values.body());
    }

    private String noteNow() {
        Choice choice = chosen.get();
        if (choice != null && choice.template() != null && !choice.template().approved()) {
            return choice.template().name() + " is " + choice.template().status() + ": Meta does not let it be sent, so"
                    + " these follow-ups go to a person until you choose an approved template.";
        }
        if (choices.size() == 1) {
            return "No approved template yet: write one under Templates and submit it to Meta. Until then a person"
                    + " is asked for each follow-up due once the 24-hour window has closed.";
        }
        return choice == null || choice.template() == null
                ? "A follow-up due once the 24-hour window has closed is cancelled and the conversation flagged for"
                + " a person." : "";
    }

    private static String at(List<String> values, int i) {
        return i < values.size() ? values.get(i) : null;
    }

    public ObservableList<Choice> choices() {
        return choices;
    }

    public ObjectProperty<Choice> chosenProperty() {
        return chosen;
    }

    /** The chosen template's values: "Header {{1}}", "{{1}}"..., "Link 1 {{1}}". */
    public ObservableList<FollowupSource> sources() {
        return sources;
    }

    /** What {@code Lead's name} becomes when the lead's WhatsApp profile gives no name. */
    public StringProperty nameFallbackProperty() {
        return nameFallback;
    }

    /** The message as {@value #SAMPLE_LEAD_NAME} would read it. */
    public ObjectBinding<TemplatePreview> previewProperty() {
        return preview;
    }

    /** What happens with the current choice, when it is worth saying. */
    public StringBinding noteProperty() {
        return note;
    }
}
