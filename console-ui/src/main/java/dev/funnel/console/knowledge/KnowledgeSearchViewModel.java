package dev.funnel.console.knowledge;

import dev.funnel.console.backend.BackendClient;
import dev.funnel.console.backend.KnowledgeHit;
import dev.funnel.console.common.ErrorMessages;
import dev.funnel.console.common.TaskExecutor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** "Try a question": the passages the bot would be given for a lead's question, best first, with their scores. */
public final class KnowledgeSearchViewModel {

    /** As many passages as the backend gives the generate step by default. */
    static final int LIMIT = 5;
    static final String NOTHING_FOUND = "Nothing found: no document is ready to search yet. Add documents, or wait "
            + "until they are ready.";

    private final BackendClient client;
    private final TaskExecutor executor;

    private final StringProperty question = new SimpleStringProperty("");
    private final ObservableList<KnowledgeHit> hits = FXCollections.observableArrayList();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanBinding canAsk = Bindings.createBooleanBinding(
            () -> !busy.get() && !question.get().isBlank(), busy, question);

    KnowledgeSearchViewModel(BackendClient client, TaskExecutor executor) {
        this.client = client;
        this.executor = executor;
    }

    public void ask() {
        if (!canAsk.get()) {
            return;
        }
        String asked = question.get().strip();
        busy.set(true);
        message.set("");
        executor.execute(() -> client.searchKnowledge(asked, LIMIT), found -> {
            busy.set(false);
            hits.setAll(found);
            message.set(found.isEmpty() ? NOTHING_FOUND : "");
        }, failure -> {
            busy.set(false);
            hits.clear();
            message.set("The search failed: " + ErrorMessages.describe(failure));
        });
    }

    /** "shipping.md · chunk 2 · score 0.83", above the hit's text. */
    public static String title(KnowledgeHit hit) {
        return Passages.where(hit.documentName(), hit.chunkIndex(), hit.score());
    }

    public StringProperty questionProperty() {
        return question;
    }

    public ObservableList<KnowledgeHit> hits() {
        return hits;
    }

    /** Why there are no hits (none found, or the search failed); empty otherwise. */
    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public BooleanBinding canAskProperty() {
        return canAsk;
    }
}
