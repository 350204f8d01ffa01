package dev.funnel.console.leadpanel;

import dev.funnel.console.backend.BackendClient;
import dev.funnel.console.backend.Conversation;
import dev.funnel.console.backend.Followup;
import dev.funnel.console.backend.Lead;
import dev.funnel.console.backend.LeadChanges;
import dev.funnel.console.common.ErrorMessages;
import dev.funnel.console.common.FieldProblems;
import dev.funnel.console.common.TaskExecutor;
import dev.funnel.console.common.Times;
import dev.funnel.console.leads.LeadStates;
import java.util.Map;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The side panel next to the open chat: the lead's stage, intent and sentiment, the bot's rolling
 * summary of the conversation, the lead's name, email and company to edit, and the conversation's
 * follow-ups, a pending one of which can be cancelled after a confirmation. It follows the open
 * conversation, which the inbox keeps live from the backend's events.
 */
public final class LeadPanelViewModel {

    static final String NO_SUMMARY =
            "No summary yet: the bot writes one once the conversation has gone on for a while.";
    static final String NO_FOLLOWUPS = "No follow-ups scheduled for this conversation.";

    private final BackendClient client;
    private final TaskExecutor executor;

    private final BooleanProperty shown = new SimpleBooleanProperty();
    private final StringProperty title = new SimpleStringProperty("");
    private final StringProperty stage = new SimpleStringProperty("");
    private final StringProperty intentLevel = new SimpleStringProperty("");
    private final StringProperty sentiment = new SimpleStringProperty("");
    private final StringProperty summary = new SimpleStringProperty("");
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty email = new SimpleStringProperty("");
    private final StringProperty company = new SimpleStringProperty("");
    private final StringProperty nameError = new SimpleStringProperty("");
    private final StringProperty emailError = new SimpleStringProperty("");
    private final StringProperty companyError = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final ObservableList<Followup> followups = FXCollections.observableArrayList();
    private final StringProperty followupsHint = new SimpleStringProperty("");
    private final StringProperty cancelQuestion = new SimpleStringProperty("");
    private final BooleanBinding canSave;
    /** The backend's JSON field names and where their problems are shown. */
    private final Map<String, StringProperty> fieldErrors;

    private Conversation conversation;
    private Lead lead;
    private Followup toCancel;

    public LeadPanelViewModel(BackendClient client, TaskExecutor executor, ObservableValue<Conversation> open) {
        this.client = client;
        this.executor = executor;
        this.fieldErrors = Map.of("name", nameError, "email", emailError, "company", companyError);
        this.canSave = Bindings.createBooleanBinding(() -> shown.get() && !busy.get(), shown, busy);
        open.subscribe(this::show);
    }

    private void show(Conversation shownConversation) {
        Conversation previous = conversation;
        conversation = shownConversation;
        if (shownConversation == null) {
            shown.set(false);
            lead = null;
            followups.clear();
            return;
        }
        shown.set(true);
        title.set(shownConversation.displayName());
        stage.set(LeadStates.label(shownConversation.stage()));
        intentLevel.set(LeadStates.label(shownConversation.intentLevel()));
        sentiment.set(LeadStates.label(shownConversation.userSentiment()));
        String rolling = shownConversation.rollingSummary();
        summary.set(rolling == null || rolling.isBlank() ? NO_SUMMARY : rolling);
        if (previous == null || !previous.id().equals(shownConversation.id())) {
            lead = null;
            toCancel = null;
            cancelQuestion.set("");
            clearMessages();
            for (StringProperty field : new StringProperty[] {name, email, company}) {
                field.set("");
            }
            followups.clear();
            followupsHint.set("");
            loadLead(shownConversation.leadId());
            loadFollowups(shownConversation.id());
        } else if (!Objects.equals(previous.updatedAt(), shownConversation.updatedAt())) {
            loadFollowups(shownConversation.id()); // a bot turn may have scheduled or cancelled one
        }
    }

    private void loadLead(String leadId) {
        executor.execute(() -> client.lead(leadId), loaded -> {
            if (isShowing(loaded)) {
                showLead(loaded);
            }
        }, failure -> error.set(ErrorMessages.describe(failure)));
    }

    private void loadFollowups(String conversationId) {
        executor.execute(() -> client.followups(conversationId), loaded -> {
            if (conversation != null && conversation.id().equals(conversationId)) {
                followups.setAll(loaded);
                followupsHint.set(loaded.isEmpty() ? NO_FOLLOWUPS : "");
            }
        }, failure -> followupsHint.set("Follow-ups could not be loaded: " + ErrorMessages.describe(failure)));
    }

    private boolean isShowing(Lead loaded) {
        return conversation != null && loaded.id().equals(conversation.leadId());
    }

    private void showLead(Lead loaded) {
        lead = loaded;
        name.set(orEmpty(loaded.name()));
        email.set(orEmpty(loaded.email()));
        company.set(orEmpty(loaded.company()));
    }

    /** Sends the fields that changed; a refused field gets its problem shown next to it. */
    public void save() {
        if (!canSave.get()) {
            return;
        }
        clearMessages();
        if (lead == null) {
            error.set("The lead's details have not loaded yet.");
            return;
        }
        LeadChanges changes = new LeadChanges(changed(name, lead.name()), changed(email, lead.email()),
                changed(company, lead.company()), null, null, null);
        if (changes.isEmpty()) {
            status.set("Nothing changed.");
            return;
        }
        String leadId = lead.id();
        busy.set(true);
        executor.execute(() -> client.updateLead(leadId, changes), saved -> {
            busy.set(false);
            if (isShowing(saved)) {
                showLead(saved);
                status.set("Saved.");
            }
        }, failure -> {
            busy.set(false);
            Map<String, String> problems = FieldProblems.of(failure);
            if (problems.isEmpty()) {
                error.set(ErrorMessages.describe(failure));
            }
            problems.forEach((field, problem) -> {
                StringProperty where = fieldErrors.get(field);
                (where == null ? error : where).set(problem);
            });
        });
    }

    /** "Follow-up · 3 Dec 10:00 · Pending · No reply for 3 hours" */
    public static String describe(Followup followup) {
        String what = "ghost_check".equals(followup.type()) ? "Ghost check" : "Follow-up";
        String line = what + " · " + Times.dayAndTime(followup.scheduledAt()) + " · " + LeadStates.label(followup.status());
        return followup.reason() == null || followup.reason().isBlank() ? line : line + " · " + followup.reason();
    }

    /** Asks for a confirmation first; only a pending follow-up can be cancelled. */
    public void askToCancel(Followup followup) {
        if (followup == null || !followup.pending()) {
            return;
        }
        toCancel = followup;
        cancelQuestion.set("Cancel the " + ("ghost_check".equals(followup.type()) ? "ghost check" : "follow-up")
                + " planned for " + Times.dayAndTime(followup.scheduledAt()) + "? The bot will not send it.");
    }

    public void keepFollowup() {
        toCancel = null;
        cancelQuestion.set("");
    }

    public void confirmCancel() {
        Followup cancelling = toCancel;
        keepFollowup();
        if (cancelling == null) {
            return;
        }
        executor.execute(() -> client.cancelFollowup(cancelling.id()), cancelled -> {
            followups.replaceAll(each -> each.id().equals(cancelled.id()) ? cancelled : each);
            status.set("Follow-up cancelled.");
        }, failure -> error.set(ErrorMessages.describe(failure)));
    }

    private void clearMessages() {
        fieldErrors.values().forEach(field -> field.set(""));
        error.set("");
        status.set("");
    }

    /** The new value ("" to clear) when it differs from the lead's, otherwise null (left alone). */
    private static String changed(StringProperty field, String old) {
        String value = field.get().strip();
        return Objects.equals(value, orEmpty(old)) ? null : value;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    public ReadOnlyBooleanProperty shownProperty() {
        return shown;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title;
    }

    public ReadOnlyStringProperty stageProperty() {
        return stage;
    }

    public ReadOnlyStringProperty intentLevelProperty() {
        return intentLevel;
    }

    public ReadOnlyStringProperty sentimentProperty() {
        return sentiment;
    }

    /** The bot's rolling summary of the conversation, or a sentence saying there is none yet. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary;
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

    public ReadOnlyStringProperty nameErrorProperty() {
        return nameError;
    }

    public ReadOnlyStringProperty emailErrorProperty() {
        return emailError;
    }

    public ReadOnlyStringProperty companyErrorProperty() {
        return companyError;
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

    /** Newest first, as the backend lists them. */
    public ObservableList<Followup> followups() {
        return followups;
    }

    /** Says there are none, or that they could not be loaded; empty otherwise. */
    public ReadOnlyStringProperty followupsHintProperty() {
        return followupsHint;
    }

    /** The confirmation asked before cancelling a follow-up; empty when none is asked. */
    public ReadOnlyStringProperty cancelQuestionProperty() {
        return cancelQuestion;
    }
}
