package dev.funnel.console.templates;

import dev.funnel.console.backend.BackendClient;
import dev.funnel.console.backend.BackendException;
import dev.funnel.console.backend.Template;
import dev.funnel.console.backend.TemplateSync;
import dev.funnel.console.backend.WhatsAppSettings;
import dev.funnel.console.common.ErrorMessages;
import dev.funnel.console.common.TaskExecutor;
import dev.funnel.console.shell.Navigator;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Templates screen: the organisation's templates with Meta's status, and the one open in the
 * editor. Saving stores a draft; submitting saves and sends it to Meta for review; refresh fetches
 * Meta's verdict; sync brings in the templates Meta has. Meta is reached through the WhatsApp Business
 * Account: when it is missing the screen says so and links to the WhatsApp settings.
 */
public final class TemplatesViewModel {

    private final BackendClient client;
    private final TaskExecutor executor;
    private final Navigator navigator;
    private final TemplateEditorViewModel editor = new TemplateEditorViewModel();

    private final ObservableList<Template> templates = FXCollections.observableArrayList();
    private final ObjectProperty<Template> selected = new SimpleObjectProperty<>();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty notice = new SimpleStringProperty("");
    private final StringProperty accountProblem = new SimpleStringProperty("");
    private final BooleanProperty confirmingDelete = new SimpleBooleanProperty();

    private final BooleanBinding canSave = Bindings.createBooleanBinding(
            () -> !busy.get() && editor.editableProperty().get(), busy, editor.editableProperty());
    private final BooleanBinding canRefresh = Bindings.createBooleanBinding(
            () -> !busy.get() && selected.get() != null && selected.get().metaTemplateId() != null, busy, selected);
    private final BooleanBinding canDelete = Bindings.createBooleanBinding(
            () -> !busy.get() && selected.get() != null, busy, selected);
    private final StringBinding status = Bindings.createStringBinding(() -> describe(selected.get()), selected);
    private final StringBinding deleteQuestion = Bindings.createStringBinding(() -> selected.get() == null ? ""
            : "Delete " + selected.get().name() + " (" + selected.get().language() + ")?"
            + (selected.get().metaTemplateId() == null ? "" : " It is deleted at Meta too."), selected);

    public TemplatesViewModel(BackendClient client, TaskExecutor executor, Navigator navigator) {
        this.client = client;
        this.executor = executor;
        this.navigator = navigator;
    }

    /** The list, and whether WhatsApp is ready to take templates to Meta. */
    public void load() {
        run(client::templates, loaded -> {
            templates.setAll(loaded);
            if (selected.get() == null) {
                editor.startNew();
            }
        });
        executor.execute(client::whatsAppSettings, this::checkAccount, failure -> { });
    }

    public void select(Template template) {
        if (template == null || busy.get()) {
            return;
        }
        selected.set(template);
        confirmingDelete.set(false);
        notice.set("");
        error.set("");
        editor.edit(template);
    }

    public void startNew() {
        selected.set(null);
        confirmingDelete.set(false);
        notice.set("");
        error.set("");
        editor.startNew();
    }

    /** Stores the form as a draft (a new template, or the changed draft or rejected one). */
    public void save() {
        save(saved -> notice.set("Saved as a draft. Submit it to Meta for review before sending it to leads."));
    }

    /** Saves the form, then sends the template to Meta for review. */
    public void submit() {
        save(saved -> metaCall(() -> client.submitTemplate(saved.id()), submitted -> {
            stored(submitted);
            notice.set("Submitted to Meta: " + submitted.status() + ". Meta's review takes minutes to a day;"
                    + " use Refresh status to see the verdict.");
        }));
    }

    public void refreshStatus() {
        Template current = selected.get();
        if (current == null || current.metaTemplateId() == null || busy.get()) {
            return;
        }
        metaCall(() -> client.refreshTemplate(current.id()), refreshed -> {
            stored(refreshed);
            notice.set("Meta says: " + refreshed.status() + ".");
        });
    }

    public void sync() {
        if (busy.get()) {
            return;
        }
        metaCall(client::syncTemplates, (TemplateSync sync) -> {
            templates.setAll(sync.templates());
            sync.templates().stream().filter(t -> selected.get() != null && t.id().equals(selected.get().id()))
                    .findFirst().ifPresent(this::stored);
            notice.set("Synced from Meta: " + sync.created() + " new, " + sync.updated() + " updated"
                    + (sync.skipped() == 0 ? "." : ", " + sync.skipped() + " skipped (a kind this console cannot use)."));
        });
    }

    /** Asks first: deleting cannot be undone, and it reaches Meta too. */
    public void requestDelete() {
        if (canDelete.get()) {
            confirmingDelete.set(true);
        }
    }

    public void cancelDelete() {
        confirmingDelete.set(false);
    }

    public void confirmDelete() {
        Template doomed = selected.get();
        confirmingDelete.set(false);
        if (doomed == null || busy.get()) {
            return;
        }
        metaCall(() -> {
            client.deleteTemplate(doomed.id());
            return doomed;
        }, deleted -> {
            templates.removeIf(t -> t.id().equals(deleted.id()));
            startNew();
            notice.set("Deleted " + deleted.name() + ".");
        });
    }

    public void openWhatsAppSettings() {
        navigator.showWhatsAppSettings();
    }

    public void backToInbox() {
        navigator.showInbox();
    }

    private void save(Consumer<Template> then) {
        if (!canSave.get()) {
            return;
        }
        notice.set("");
        error.set("");
        if (!editor.validate()) {
            error.set("Some fields need attention: see the messages next to them.");
            return;
        }
        Template current = selected.get();
        var draft = editor.draft();
        busy.set(true);
        executor.execute(() -> current == null ? client.createTemplate(draft) : client.updateTemplate(current.id(), draft),
                saved -> {
                    busy.set(false);
                    stored(saved);
                    then.accept(saved);
                }, failure -> {
                    busy.set(false);
                    if (failure instanceof BackendException backend && backend.status() == 400) {
                        editor.showServerErrors(backend);
                        error.set("Some fields need attention: see the messages next to them.");
                    } else {
                        error.set(ErrorMessages.describe(failure));
                    }
                });
    }

    /** A call that reaches Meta: a 409 about WhatsApp (not connected, no business account id) goes to the banner. */
    private <T> void metaCall(Callable<T> call, Consumer<T> onSuccess) {
        busy.set(true);
        error.set("");
        executor.execute(call, result -> {
            busy.set(false);
            accountProblem.set("");
            onSuccess.accept(result);
        }, failure -> {
            busy.set(false);
            if (failure instanceof BackendException backend && backend.status() == 409
                    && backend.getMessage().contains("WhatsApp")) {
                accountProblem.set(backend.getMessage());
            } else {
                error.set(ErrorMessages.describe(failure));
            }
        });
    }

    private <T> void run(Callable<T> call, Consumer<T> onSuccess) {
        busy.set(true);
        error.set("");
        executor.execute(call, result -> {
            busy.set(false);
            onSuccess.accept(result);
        }, failure -> {
            busy.set(false);
            error.set(ErrorMessages.describe(failure));
        });
    }

    /** Puts the stored version in the list (replacing its older one), selects it and lets the form follow it. */
    private void stored(Template template) {
        int index = -1;
        for (int i = 0; i < templates.size(); i++) {
            if (templates.get(i).id().equals(template.id())) {
                index = i;
            }
        }
        if (index >= 0) {
            templates.set(index, template);
        } else {
            templates.add(template);
        }
        selected.set(template);
        editor.stored(template);
    }

    private void checkAccount(WhatsAppSettings settings) {
        if (!settings.connected()) {
            accountProblem.set("WhatsApp is not connected. Templates are reviewed by Meta and sent through your"
                    + " WhatsApp Business Account: connect it in the WhatsApp settings to submit or sync templates."
                    + " You can still write drafts.");
        } else if (settings.businessAccountId() == null || settings.businessAccountId().isBlank()) {
            accountProblem.set("The WhatsApp business account id is missing. Meta keeps templates in your WhatsApp"
                    + " Business Account: add its id (shown in Meta's WhatsApp Manager) in the WhatsApp settings to"
                    + " submit or sync templates. You can still write drafts.");
        } else {
            accountProblem.set("");
        }
    }

    /** What the selected template's status means for the person, in a sentence. */
    static String describe(Template t) {
        if (t == null) {
            return "New template: saved as a draft, then submitted to Meta for review.";
        }
        return switch (t.status() == null ? "" : t.status()) {
            case Template.DRAFT -> "Draft: Meta has not seen it yet. Submit it for review.";
            case Template.PENDING -> "Pending: Meta is reviewing it. Refresh the status to see the verdict.";
            case Template.APPROVED -> "Approved: it can be sent to leads, also after their 24-hour window closed.";
            case Template.REJECTED -> "Rejected by Meta" + (t.statusReason() == null || t.statusReason().isBlank()
                    ? "" : ": " + t.statusReason()) + ". Change it and submit it again.";
            default -> t.status() + (t.statusReason() == null || t.statusReason().isBlank() ? ""
                    : ": " + t.statusReason()) + ". It cannot be sent now.";
        };
    }

    public TemplateEditorViewModel editor() {
        return editor;
    }

    public ObservableList<Template> templates() {
        return templates;
    }

    public ReadOnlyObjectProperty<Template> selectedProperty() {
        return selected;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    /** What the last action did ("Submitted to Meta: PENDING..."). */
    public ReadOnlyStringProperty noticeProperty() {
        return notice;
    }

    /** Why templates cannot reach Meta now (WhatsApp not connected, no business account id); empty when they can. */
    public ReadOnlyStringProperty accountProblemProperty() {
        return accountProblem;
    }

    public ReadOnlyBooleanProperty confirmingDeleteProperty() {
        return confirmingDelete;
    }

    public StringBinding deleteQuestionProperty() {
        return deleteQuestion;
    }

    public StringBinding statusProperty() {
        return status;
    }

    /** Saving and submitting: a new, draft or rejected template, while nothing else runs. */
    public BooleanBinding canSaveProperty() {
        return canSave;
    }

    public BooleanBinding canRefreshProperty() {
        return canRefresh;
    }

    public BooleanBinding canDeleteProperty() {
        return canDelete;
    }
}
