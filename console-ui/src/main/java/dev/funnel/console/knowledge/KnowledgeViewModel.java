package dev.funnel.console.knowledge;

import dev.funnel.console.backend.AuthResult;
import dev.funnel.console.backend.BackendClient;
import dev.funnel.console.backend.BackendEvent;
import dev.funnel.console.backend.BackendEventListener;
import dev.funnel.console.backend.ConnectionState;
import dev.funnel.console.backend.KnowledgeDocument;
import dev.funnel.console.backend.KnowledgeStatus;
import dev.funnel.console.common.ErrorMessages;
import dev.funnel.console.common.TaskExecutor;
import dev.funnel.console.shell.Navigator;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The organisation's knowledge base: the documents the bot may quote (PDF, Markdown, plain text),
 * how they are served (embedding model, store, counts), adding, deleting and re-indexing them (admins
 * only), and a search to try a question. Live events keep the table current while files are indexed.
 */
public final class KnowledgeViewModel implements BackendEventListener {

    public static final String READ_ONLY_NOTE = "Only an admin can add, delete or re-index documents; you can "
            + "read them and try questions.";

    private final BackendClient client;
    private final TaskExecutor executor;
    private final Navigator navigator;
    private final boolean admin;
    private final KnowledgeUploadViewModel uploads;
    private final KnowledgeSearchViewModel search;

    private final ObservableList<KnowledgeDocument> documents = FXCollections.observableArrayList();
    private final ObjectProperty<KnowledgeDocument> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<KnowledgeDocument> pendingDelete = new SimpleObjectProperty<>();
    private final StringProperty statusLine = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty notice = new SimpleStringProperty("");
    private final BooleanBinding canChangeSelected;
    private final BooleanBinding canReindex;
    private final StringBinding deleteQuestion = Bindings.createStringBinding(() -> pendingDelete.get() == null ? ""
            : "Delete \"" + pendingDelete.get().name() + "\"? The bot stops using it and its chunks are removed.",
            pendingDelete);

    public KnowledgeViewModel(BackendClient client, TaskExecutor executor, Navigator navigator, AuthResult session) {
        this.client = client;
        this.executor = executor;
        this.navigator = navigator;
        this.admin = "admin".equals(session.user().role());
        this.uploads = new KnowledgeUploadViewModel(client, executor, this::uploaded);
        this.search = new KnowledgeSearchViewModel(client, executor);
        canChangeSelected = Bindings.createBooleanBinding(() -> admin && selected.get() != null, selected);
        canReindex = Bindings.createBooleanBinding(
                () -> canChangeSelected.get() && !selected.get().indexing(), canChangeSelected, selected);
    }

    public void load() {
        run(client::knowledgeDocuments, documents::setAll);
        refreshStatus();
    }

    /** Files chosen or dropped (admins only). */
    public void add(List<Path> files) {
        if (admin) {
            uploads.add(files);
        }
    }

    public void askDelete() {
        if (canChangeSelected.get()) {
            pendingDelete.set(selected.get());
        }
    }

    public void cancelDelete() {
        pendingDelete.set(null);
    }

    public void confirmDelete() {
        KnowledgeDocument document = pendingDelete.get();
        if (document == null) {
            return;
        }
        pendingDelete.set(null);
        run(() -> {
            client.deleteKnowledgeDocument(document.id());
            return document;
        }, deleted -> {
            removed(deleted.id());
            notice.set("Deleted " + deleted.name() + ".");
        });
    }

    /** Extracts, chunks and embeds the selected document again, e.g. after the embedding model changed. */
    public void reindex() {
        if (!canReindex.get()) {
            return;
        }
        KnowledgeDocument document = selected.get();
        run(() -> client.reindexKnowledgeDocument(document.id()), indexing -> {
            upsert(indexing);
            notice.set("Re-indexing " + indexing.name() + "\u2026");
        });
    }

    public void backToInbox() {
        navigator.showInbox();
    }

    @Override
    public void onEvent(BackendEvent event) {
        switch (event) {
            case BackendEvent.KnowledgeDocumentUpdated e -> {
                upsert(e.document());
                uploads.documentChanged(e.document());
                if (!e.document().indexing()) {
                    refreshStatus();
                }
            }
            case BackendEvent.KnowledgeDocumentDeleted e -> removed(e.documentId());
            default -> { }
        }
    }

    @Override
    public void onConnectionState(ConnectionState state) {
        // the event stream catches up on what it missed by itself when it reconnects
    }

    /** An upload's answer: added unless a live event got there first, then as the table knows it. */
    private KnowledgeDocument uploaded(KnowledgeDocument document) {
        KnowledgeDocument known = documents.stream().filter(d -> d.id().equals(document.id())).findFirst()
                .orElse(null);
        if (known != null) {
            return known;
        }
        documents.addFirst(document);
        return document;
    }

    private void upsert(KnowledgeDocument document) {
        boolean known = documents.stream().anyMatch(d -> d.id().equals(document.id()));
        if (known) {
            documents.replaceAll(d -> d.id().equals(document.id()) ? document : d);
        } else {
            documents.addFirst(document);
        }
        if (selected.get() != null && selected.get().id().equals(document.id())) {
            selected.set(document);
        }
    }

    private void removed(String documentId) {
        documents.removeIf(d -> d.id().equals(documentId));
        uploads.documentDeleted(documentId);
        if (selected.get() != null && selected.get().id().equals(documentId)) {
            selected.set(null);
        }
        refreshStatus();
    }

    private void refreshStatus() {
        executor.execute(client::knowledgeStatus, status -> statusLine.set(describe(status)),
                failure -> statusLine.set("The knowledge base's status is unavailable: "
                        + ErrorMessages.describe(failure)));
    }

    /** "all-minilm-l6-v2-q (offline), 384 dimensions · portable store · 4 documents, 312 chunks". */
    static String describe(KnowledgeStatus status) {
        return "Embedding model " + status.embeddingModel() + ", " + status.dimensions() + " dimensions  \u00b7  "
                + status.store() + " store  \u00b7  " + status.documents()
                + (status.documents() == 1 ? " document, " : " documents, ") + status.chunks()
                + (status.chunks() == 1 ? " chunk" : " chunks");
    }

    private <T> void run(Callable<T> call, Consumer<T> onSuccess) {
        error.set("");
        notice.set("");
        executor.execute(call, onSuccess::accept, failure -> error.set(ErrorMessages.describe(failure)));
    }

    public boolean admin() {
        return admin;
    }

    public KnowledgeUploadViewModel uploads() {
        return uploads;
    }

    public KnowledgeSearchViewModel search() {
        return search;
    }

    public ObservableList<KnowledgeDocument> documents() {
        return documents;
    }

    public ObjectProperty<KnowledgeDocument> selectedProperty() {
        return selected;
    }

    public ReadOnlyObjectProperty<KnowledgeDocument> pendingDeleteProperty() {
        return pendingDelete;
    }

    public StringBinding deleteQuestionProperty() {
        return deleteQuestion;
    }

    public ReadOnlyStringProperty statusLineProperty() {
        return statusLine;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice;
    }

    public BooleanBinding canChangeSelectedProperty() {
        return canChangeSelected;
    }

    public BooleanBinding canReindexProperty() {
        return canReindex;
    }
}
