package dev.funnel.console.copilot;

import dev.funnel.console.backend.BackendClient;
import dev.funnel.console.backend.Conversation;
import dev.funnel.console.backend.DryRun;
import dev.funnel.console.common.ErrorMessages;
import dev.funnel.console.common.TaskExecutor;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;

/**
 * "Suggest reply": while a person holds the conversation, the bot drafts a reply into the composer
 * for them to edit. It never sends anything itself.
 */
public final class SuggestReplyViewModel {

    private final BackendClient client;
    private final TaskExecutor executor;
    private final ObservableValue<Conversation> conversation;
    private final StringProperty composer;
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanBinding canSuggest;

    /** @param composer the reply box the draft replaces */
    public SuggestReplyViewModel(BackendClient client, TaskExecutor executor,
                                 ObservableValue<Conversation> conversation, StringProperty composer) {
        this.client = client;
        this.executor = executor;
        this.conversation = conversation;
        this.composer = composer;
        this.canSuggest = Bindings.createBooleanBinding(
                () -> conversation.getValue() != null && conversation.getValue().humanMode() && !busy.get(),
                conversation, busy);
        // a failure belongs to the conversation it was asked for
        conversation.addListener((observable, before, after) -> {
            if (before == null || after == null || !before.id().equals(after.id())) {
                error.set("");
            }
        });
    }

    public void suggest() {
        if (!canSuggest.get()) {
            return;
        }
        String asked = conversation.getValue().id();
        busy.set(true);
        error.set("");
        executor.execute(() -> client.suggestReply(asked), draft -> {
            busy.set(false);
            if (conversation.getValue() != null && conversation.getValue().id().equals(asked)) {
                fill(draft);
            }
        }, failure -> {
            busy.set(false);
            error.set("No suggestion: " + ErrorMessages.describe(failure));
        });
    }

    private void fill(DryRun draft) {
        if (draft.reply() == null) {
            error.set("The bot's draft broke the rules even when rewritten ("
                    + draft.interventions().stream().map(DryRun.Intervention::detail).collect(Collectors.joining("; "))
                    + "). Please write this reply yourself.");
            return;
        }
        composer.set(draft.reply());
    }

    public BooleanBinding canSuggestProperty() {
        return canSuggest;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }
}
