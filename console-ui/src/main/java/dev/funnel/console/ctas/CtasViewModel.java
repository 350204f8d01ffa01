package dev.funnel.console.ctas;

import dev.funnel.console.backend.BackendClient;
import dev.funnel.console.backend.Cta;
import dev.funnel.console.backend.CtaInput;
import dev.funnel.console.common.ErrorMessages;
import dev.funnel.console.common.FieldProblems;
import dev.funnel.console.common.TaskExecutor;
import dev.funnel.console.common.WebAddresses;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The organisation's calls to action: the concrete next steps (a booking, a demo, a payment link) the
 * bot may lead a lead to. Choosing one in the list edits it; {@link #startNew} clears the form for a
 * new one. A problem the server finds with a field is shown under that field.
 */
public final class CtasViewModel {

    /** The backend's CtaType ids. */
    public static final List<String> TYPES = List.of("booking", "call", "demo", "visit", "payment", "link");
    public static final String NAME = "name";
    public static final String TYPE = "cta_type";
    public static final String DESCRIPTION = "description";
    public static final String URL = "url";

    private final BackendClient client;
    private final TaskExecutor executor;

    private final ObservableList<Cta> ctas = FXCollections.observableArrayList();
    private final ObjectProperty<Cta> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<Cta> pendingDelete = new SimpleObjectProperty<>();
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty type = new SimpleStringProperty(TYPES.getFirst());
    private final StringProperty description = new SimpleStringProperty("");
    private final StringProperty url = new SimpleStringProperty("");
    private final BooleanProperty active = new SimpleBooleanProperty(true);
    private final Map<String, StringProperty> problems = Map.of(NAME, new SimpleStringProperty(""),
            TYPE, new SimpleStringProperty(""), DESCRIPTION, new SimpleStringProperty(""),
            URL, new SimpleStringProperty(""));
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final StringBinding formTitle = Bindings.createStringBinding(
            () -> selected.get() == null ? "New call to action" : "Edit " + selected.get().name(), selected);
    private final StringBinding deleteQuestion = Bindings.createStringBinding(() -> pendingDelete.get() == null ? ""
            : "Delete \"" + pendingDelete.get().name() + "\"? The bot stops offering it. To pause it instead, "
                    + "untick Active.", pendingDelete);
    private final BooleanBinding canSave = Bindings.createBooleanBinding(
            () -> !busy.get() && !name.get().isBlank() && type.get() != null, busy, name, type);

    public CtasViewModel(BackendClient client, TaskExecutor executor) {
        this.client = client;
        this.executor = executor;
        selected.addListener((observable, before, cta) -> fill(cta));
    }

    public void load() {
        run(client::ctas, ctas::setAll);
    }

    public void startNew() {
        selected.set(null);
        fill(null);
    }

    public void save() {
        if (!canSave.get()) {
            return;
        }
        String link = url.get().strip();
        String linkProblem = link.isEmpty() ? "" : WebAddresses.problem(link);
        if (!linkProblem.isEmpty()) {
            clearMessages();
            problems.get(URL).set(linkProblem + ", e.g. https://example.com/book");
            return;
        }
        CtaInput input = new CtaInput(name.get().strip(), type.get(), description.get().strip(), link, active.get());
        Cta editing = selected.get();
        busy.set(true);
        run(() -> editing == null ? client.createCta(input) : client.updateCta(editing.id(), input), saved -> {
            if (editing == null) {
                ctas.add(saved);
            } else {
                ctas.replaceAll(c -> c.id().equals(saved.id()) ? saved : c);
            }
            selected.set(saved);
            status.set("Saved " + saved.name() + ".");
        });
    }

    public void askDelete() {
        pendingDelete.set(selected.get());
    }

    public void cancelDelete() {
        pendingDelete.set(null);
    }

    public void confirmDelete() {
        Cta cta = pendingDelete.get();
        if (cta == null) {
            return;
        }
        pendingDelete.set(null);
        run(() -> {
            client.deleteCta(cta.id());
            return cta;
        }, deleted -> {
            ctas.removeIf(c -> c.id().equals(deleted.id()));
            startNew();
            status.set("Deleted " + deleted.name() + ".");
        });
    }

    private <T> void run(Callable<T> call, Consumer<T> onSuccess) {
        clearMessages();
        executor.execute(call, result -> {
            busy.set(false);
            onSuccess.accept(result);
        }, failure -> {
            busy.set(false);
            Map<String, String> byField = FieldProblems.of(failure);
            byField.forEach((field, problem) -> {
                if (problems.containsKey(field)) {
                    problems.get(field).set(problem);
                }
            });
            if (!problems.keySet().containsAll(byField.keySet()) || byField.isEmpty()) {
                error.set(ErrorMessages.describe(failure));
            }
        });
    }

    private void clearMessages() {
        error.set("");
        status.set("");
        problems.values().forEach(problem -> problem.set(""));
    }

    private void fill(Cta cta) {
        clearMessages();
        name.set(cta == null ? "" : cta.name());
        type.set(cta == null || !TYPES.contains(cta.ctaType()) ? TYPES.getFirst() : cta.ctaType());
        description.set(cta == null || cta.description() == null ? "" : cta.description());
        url.set(cta == null || cta.url() == null ? "" : cta.url());
        active.set(cta == null || cta.isActive());
    }

    /** "demo", or "demo · paused" for an inactive one, under the name in the list. */
    public static String summary(Cta cta) {
        return cta.ctaType() + (cta.isActive() ? "" : " · paused");
    }

    public ObservableList<Cta> ctas() {
        return ctas;
    }

    public ObjectProperty<Cta> selectedProperty() {
        return selected;
    }

    public ReadOnlyObjectProperty<Cta> pendingDeleteProperty() {
        return pendingDelete;
    }

    public StringBinding deleteQuestionProperty() {
        return deleteQuestion;
    }

    public StringBinding formTitleProperty() {
        return formTitle;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty typeProperty() {
        return type;
    }

    public StringProperty descriptionProperty() {
        return description;
    }

    public StringProperty urlProperty() {
        return url;
    }

    public BooleanProperty activeProperty() {
        return active;
    }

    public ReadOnlyStringProperty problemProperty(String field) {
        return problems.get(field);
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    public BooleanBinding canSaveProperty() {
        return canSave;
    }
}
