package dev.funnel.console.leads;

import dev.funnel.console.backend.BackendClient;
import dev.funnel.console.backend.BackendException;
import dev.funnel.console.backend.Lead;
import dev.funnel.console.backend.LeadChanges;
import dev.funnel.console.backend.NewLead;
import dev.funnel.console.common.ErrorMessages;
import dev.funnel.console.common.TaskExecutor;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Adds a lead by hand or edits one: its phone, name, email and company, and (once it exists) its
 * stage, intent level and sentiment. The backend checks the values; a refused field gets its own
 * problem shown next to it. Only the fields that changed are sent.
 */
public final class LeadFormViewModel {

    private final BackendClient client;
    private final TaskExecutor executor;
    private final Consumer<Lead> onSaved;

    private final BooleanProperty open = new SimpleBooleanProperty();
    private final BooleanProperty editing = new SimpleBooleanProperty();
    private final StringProperty title = new SimpleStringProperty("");
    private final StringProperty phone = new SimpleStringProperty("");
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty email = new SimpleStringProperty("");
    private final StringProperty company = new SimpleStringProperty("");
    private final StringProperty stage = new SimpleStringProperty("");
    private final StringProperty intentLevel = new SimpleStringProperty("");
    private final StringProperty sentiment = new SimpleStringProperty("");
    private final StringProperty phoneError = new SimpleStringProperty("");
    private final StringProperty nameError = new SimpleStringProperty("");
    private final StringProperty emailError = new SimpleStringProperty("");
    private final StringProperty companyError = new SimpleStringProperty("");
    private final StringProperty stageError = new SimpleStringProperty("");
    private final StringProperty intentLevelError = new SimpleStringProperty("");
    private final StringProperty sentimentError = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanBinding canSave = Bindings.createBooleanBinding(() -> open.get() && !busy.get(), open, busy);
    /** The backend's JSON field names and where their problems are shown. */
    private final Map<String, StringProperty> fieldErrors = Map.of("phone", phoneError, "name", nameError,
            "email", emailError, "company", companyError, "stage", stageError, "intent_level", intentLevelError,
            "sentiment", sentimentError);

    private Lead original;

    LeadFormViewModel(BackendClient client, TaskExecutor executor, Consumer<Lead> onSaved) {
        this.client = client;
        this.executor = executor;
        this.onSaved = onSaved;
    }

    public void edit(Lead lead) {
        original = lead;
        clearMessages();
        editing.set(true);
        open.set(true);
        title.set(lead.name() == null || lead.name().isBlank() ? "+" + lead.phone() : lead.name());
        phone.set(lead.phone());
        name.set(orEmpty(lead.name()));
        email.set(orEmpty(lead.email()));
        company.set(orEmpty(lead.company()));
        stage.set(lead.stage());
        intentLevel.set(lead.intentLevel());
        sentiment.set(lead.sentiment());
    }

    public void startNew() {
        original = null;
        clearMessages();
        editing.set(false);
        open.set(true);
        title.set("New lead");
        for (StringProperty field : new StringProperty[] {phone, name, email, company, stage, intentLevel, sentiment}) {
            field.set("");
        }
    }

    public void close() {
        original = null;
        clearMessages();
        open.set(false);
        editing.set(false);
    }

    /** The lead being edited, or null for a new one or none. */
    public Lead lead() {
        return original;
    }

    public void save() {
        if (!canSave.get()) {
            return;
        }
        clearMessages();
        if (editing.get()) {
            LeadChanges changes = changes();
            if (changes.isEmpty()) {
                status.set("Nothing changed.");
                return;
            }
            String id = original.id();
            run(() -> client.updateLead(id, changes), "Saved.");
        } else if (phone.get().isBlank()) {
            phoneError.set("Enter the lead's WhatsApp number, with the country code.");
        } else {
            NewLead lead = new NewLead(phone.get().strip(), blankToNull(name.get()), blankToNull(email.get()),
                    blankToNull(company.get()));
            run(() -> client.createLead(lead), "Lead added.");
        }
    }

    private LeadChanges changes() {
        return new LeadChanges(changed(name, original.name()), changed(email, original.email()),
                changed(company, original.company()), changed(stage, original.stage()),
                changed(intentLevel, original.intentLevel()), changed(sentiment, original.sentiment()));
    }

    /** The new value ("" to clear) when it differs from the lead's, otherwise null (left alone). */
    private static String changed(StringProperty field, String old) {
        String value = field.get().strip();
        return Objects.equals(value, orEmpty(old)) ? null : value;
    }

    private void run(Callable<Lead> call, String done) {
        busy.set(true);
        executor.execute(call, saved -> {
            busy.set(false);
            edit(saved);
            status.set(done);
            onSaved.accept(saved);
        }, failure -> {
            busy.set(false);
            showFailure(failure);
        });
    }

    private void showFailure(Throwable failure) {
        if (failure instanceof BackendException backend && !backend.fields().isEmpty()) {
            backend.problemsByField().forEach((field, problem) -> {
                StringProperty shown = fieldErrors.get(field);
                if (shown != null) {
                    shown.set(capitalised(problem));
                } else {
                    error.set(capitalised(problem));
                }
            });
        } else {
            error.set(ErrorMessages.describe(failure));
        }
    }

    private void clearMessages() {
        fieldErrors.values().forEach(field -> field.set(""));
        error.set("");
        status.set("");
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public ReadOnlyBooleanProperty openProperty() {
        return open;
    }

    public ReadOnlyBooleanProperty editingProperty() {
        return editing;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title;
    }

    public StringProperty phoneProperty() {
        return phone;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty emailProperty() {
        return email;
    }

    public StringProperty companyProperty() {
        return company;
    }

    public StringProperty stageProperty() {
        return stage;
    }

    public StringProperty intentLevelProperty() {
        return intentLevel;
    }

    public StringProperty sentimentProperty() {
        return sentiment;
    }

    public ReadOnlyStringProperty phoneErrorProperty() {
        return phoneError;
    }

    public ReadOnlyStringProperty nameErrorProperty() {
        return nameError;
    }

    public ReadOnlyStringProperty emailErrorProperty() {
        return emailError;
    }

    public ReadOnlyStringProperty companyErrorProperty() {
        return companyError;
    }

    public ReadOnlyStringProperty stageErrorProperty() {
        return stageError;
    }

    public ReadOnlyStringProperty intentLevelErrorProperty() {
        return intentLevelError;
    }

    public ReadOnlyStringProperty sentimentErrorProperty() {
        return sentimentError;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public BooleanBinding canSaveProperty() {
        return canSave;
    }
}
