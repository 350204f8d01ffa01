package dev.funnel.console.knowledge;

import dev.funnel.console.backend.BackendClient;
import dev.funnel.console.backend.KnowledgeDocument;
import dev.funnel.console.common.ErrorMessages;
import dev.funnel.console.common.FileSizes;
import dev.funnel.console.common.TaskExecutor;
import dev.funnel.console.knowledge.FileUpload.Stage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Adds files to the knowledge base as a batch: each file is checked here first (kind, size), then
 * sent one after another; the backend indexes each in the background and its live events move the
 * file on to ready or failed. The progress bar counts the files that have settled.
 */
public final class KnowledgeUploadViewModel {

    /** The backend refuses bodies above 20 MB (413); such files are refused here before they are sent. */
    public static final long MAX_BYTES = 20L * 1024 * 1024;

    private final BackendClient client;
    private final TaskExecutor executor;
    private final Function<KnowledgeDocument, KnowledgeDocument> uploaded;

    private final ObservableList<FileUpload> files = FXCollections.observableArrayList();
    private final Deque<Job> queue = new ArrayDeque<>();
    private final BooleanProperty active = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty();
    private final StringProperty progressText = new SimpleStringProperty("");
    private boolean sending;

    /** A file waiting to be sent, with its row in {@link #files()}. */
    private record Job(int row, Path path, String name, KnowledgeFileType type) {
    }

    /** The file is not sent; the message says why. */
    private static final class Refused extends Exception {
        Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    /**
     * @param uploaded takes a document the backend has just accepted and answers it as the screen now
     *                 knows it (a live event may already have moved it on to ready)
     */
    KnowledgeUploadViewModel(BackendClient client, TaskExecutor executor,
                             Function<KnowledgeDocument, KnowledgeDocument> uploaded) {
        this.client = client;
        this.executor = executor;
        this.uploaded = uploaded;
    }

    /** Files chosen or dropped; they join the running batch, or start a new one when the last has settled. */
    public void add(List<Path> chosen) {
        if (chosen.isEmpty()) {
            return;
        }
        if (!active.get()) {
            files.clear();
        }
        for (Path path : chosen) {
            String name = path.getFileName() == null ? path.toString() : path.getFileName().toString();
            var type = KnowledgeFileType.ofFileName(name);
            if (type.isEmpty()) {
                files.add(new FileUpload(name, Stage.REFUSED, "only PDF, Markdown (.md, .markdown) and plain text"
                        + " (.txt) files can be added", null));
            } else {
                queue.add(new Job(files.size(), path, name, type.get()));
                files.add(new FileUpload(name, Stage.WAITING, "", null));
            }
        }
        sendNext();
    }

    /** A live event: the file of this document moves on, unless it has settled (a later re-index is not this batch's). */
    void documentChanged(KnowledgeDocument document) {
        replaceUnsettled(document.id(), upload -> placed(upload, document));
    }

    void documentDeleted(String documentId) {
        replaceUnsettled(documentId, upload -> upload.at(Stage.DELETED, ""));
    }

    private void sendNext() {
        Job job = sending ? null : queue.poll();
        if (job == null) {
            update();
            return;
        }
        sending = true;
        files.set(job.row(), files.get(job.row()).at(Stage.UPLOADING, ""));
        update();
        executor.execute(() -> send(job), document -> {
            sending = false;
            files.set(job.row(), placed(files.get(job.row()).of(document.id()), uploaded.apply(document)));
            sendNext();
        }, failure -> {
            sending = false;
            files.set(job.row(), files.get(job.row()).at(failure instanceof Refused ? Stage.REFUSED : Stage.FAILED,
                    reason(failure)));
            sendNext();
        });
    }

    /** Off the FX thread: the size check, the reading and the upload itself. */
    private KnowledgeDocument send(Job job) throws Refused {
        byte[] content;
        try {
            long size = Files.size(job.path());
            if (size > MAX_BYTES) {
                throw new Refused(FileSizes.describe(size) + " is over the " + FileSizes.describe(MAX_BYTES)
                        + " limit");
            }
            if (size == 0) {
                throw new Refused("the file is empty");
            }
            content = Files.readAllBytes(job.path());
        } catch (NoSuchFileException e) {
            throw new Refused("there is no such file");
        } catch (IOException e) {
            throw new Refused("the file cannot be read (" + e.getMessage() + ")");
        }
        return client.uploadKnowledgeDocument(job.name(), job.type().contentType(), content);
    }

    private static String reason(Throwable failure) {
        return failure instanceof Refused refused ? refused.getMessage() : ErrorMessages.describe(failure);
    }

    private static FileUpload placed(FileUpload upload, KnowledgeDocument document) {
        if (document.indexing()) {
            return upload.at(Stage.INDEXING, "");
        }
        if (document.failed()) {
            return upload.at(Stage.FAILED, document.error() == null || document.error().isBlank()
                    ? "the server gave no reason" : document.error());
        }
        return upload.at(Stage.READY, document.chunks() + (document.chunks() == 1 ? " chunk" : " chunks"));
    }

    private void replaceUnsettled(String documentId, Function<FileUpload, FileUpload> change) {
        files.replaceAll(upload -> documentId.equals(upload.documentId()) && !upload.settled()
                ? change.apply(upload) : upload);
        update();
    }

    private void update() {
        long settled = files.stream().filter(FileUpload::settled).count();
        active.set(settled < files.size());
        progress.set(files.isEmpty() ? 0 : (double) settled / files.size());
        FileUpload sendingNow = files.stream().filter(f -> f.stage() == Stage.UPLOADING).findFirst().orElse(null);
        if (sendingNow != null) {
            progressText.set("Uploading " + sendingNow.fileName() + " (" + (files.indexOf(sendingNow) + 1) + " of "
                    + files.size() + ")\u2026");
        } else if (active.get()) {
            long indexing = files.stream().filter(f -> f.stage() == Stage.INDEXING).count();
            progressText.set("Indexing " + indexing + (indexing == 1 ? " file" : " files")
                    + " on the server; they become searchable when ready\u2026");
        } else {
            progressText.set(files.isEmpty() ? "" : summary());
        }
    }

    /** "3 files: 2 ready, 1 refused." */
    private String summary() {
        Map<Stage, Long> byStage = files.stream().collect(Collectors.groupingBy(FileUpload::stage,
                () -> new EnumMap<>(Stage.class), Collectors.counting()));
        return files.size() + (files.size() == 1 ? " file: " : " files: ") + byStage.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey().name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", ")) + ".";
    }

    public ObservableList<FileUpload> files() {
        return files;
    }

    /** True while a file of the batch is waiting, uploading or indexing. */
    public ReadOnlyBooleanProperty activeProperty() {
        return active;
    }

    /** The share of the batch's files that have settled, 0 to 1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText;
    }
}
