package dev.funnel.console.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.console.backend.BackendEvent;
import dev.funnel.console.backend.FakeBackendClient;
import dev.funnel.console.backend.TestData;
import dev.funnel.console.common.CurrentThreadTaskExecutor;
import dev.funnel.console.knowledge.FileUpload.Stage;
import dev.funnel.console.shell.RecordingNavigator;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnowledgeUploadViewModelTest {

    @TempDir
    Path folder;

    private final FakeBackendClient backend = new FakeBackendClient();
    private final OneAtATimeTaskExecutor executor = new OneAtATimeTaskExecutor();
    private final KnowledgeViewModel knowledge = new KnowledgeViewModel(backend, executor, new RecordingNavigator(),
            TestData.session());
    private final KnowledgeUploadViewModel uploads = knowledge.uploads();

    @Test
    void aBatchIsSentOneFileAfterAnotherWithEachFilesKind() throws IOException {
        knowledge.add(List.of(file("guide.pdf", "%PDF-1.7"), file("faq.md", "# FAQ"), file("notes.txt", "hello")));

        assertThat(executor.waiting()).isEqualTo(1);
        assertThat(stages()).containsExactly(Stage.UPLOADING, Stage.WAITING, Stage.WAITING);
        assertThat(uploads.progressTextProperty().get()).isEqualTo("Uploading guide.pdf (1 of 3)\u2026");

        executor.finishNext();

        assertThat(stages()).containsExactly(Stage.INDEXING, Stage.UPLOADING, Stage.WAITING);
        executor.finishNext();
        executor.finishNext();
        assertThat(backend.calls).containsExactly("uploadKnowledgeDocument guide.pdf application/pdf",
                "uploadKnowledgeDocument faq.md text/markdown", "uploadKnowledgeDocument notes.txt text/plain");
        assertThat(new String(backend.uploadedContent.get("faq.md"))).isEqualTo("# FAQ");
        assertThat(stages()).containsOnly(Stage.INDEXING);
        assertThat(knowledge.documents()).extracting(d -> d.name()).containsExactly("notes.txt", "faq.md",
                "guide.pdf");
    }

    @Test
    void theProgressBarCountsTheFilesTheServerHasFinishedWith() throws IOException {
        knowledge.add(List.of(file("a.md", "a"), file("b.md", "b")));
        executor.finishNext();
        executor.finishNext();
        assertThat(uploads.progressProperty().get()).isZero();
        assertThat(uploads.progressTextProperty().get()).startsWith("Indexing 2 files");

        knowledge.onEvent(new BackendEvent.KnowledgeDocumentUpdated(Documents.ready("doc-1", "a.md", 4)));

        assertThat(uploads.progressProperty().get()).isEqualTo(0.5);
        assertThat(uploads.files().getFirst().statusText()).isEqualTo("ready: 4 chunks");
        assertThat(uploads.activeProperty().get()).isTrue();

        knowledge.onEvent(new BackendEvent.KnowledgeDocumentUpdated(Documents.ready("doc-2", "b.md", 1)));

        assertThat(uploads.progressProperty().get()).isEqualTo(1.0);
        assertThat(uploads.activeProperty().get()).isFalse();
        assertThat(uploads.progressTextProperty().get()).isEqualTo("2 files: 2 ready.");
    }

    @Test
    void aFileTheServerCannotIndexIsNamedWithItsError() throws IOException {
        knowledge.add(List.of(file("scan.pdf", "%PDF")));
        executor.finishNext();

        knowledge.onEvent(new BackendEvent.KnowledgeDocumentUpdated(Documents.failed("doc-1", "scan.pdf",
                "The PDF has no text layer (a scan?); export it with text or upload a .txt")));

        assertThat(uploads.files().getFirst().statusText())
                .isEqualTo("failed: The PDF has no text layer (a scan?); export it with text or upload a .txt");
    }

    @Test
    void aRefusedUploadFailsThatFileAndTheBatchGoesOn() throws IOException {
        backend.refuseUpload("broken.pdf", 400, "The file is not a readable PDF");
        var now = new KnowledgeViewModel(backend, new CurrentThreadTaskExecutor(), new RecordingNavigator(),
                TestData.session());

        now.add(List.of(file("broken.pdf", "nope"), file("ok.md", "# ok")));

        assertThat(now.uploads().files()).extracting(FileUpload::statusText)
                .containsExactly("failed: The file is not a readable PDF", "indexing\u2026");
        assertThat(now.uploads().progressProperty().get()).isEqualTo(0.5);
    }

    @Test
    void filesOfAnotherKindAreRefusedWithoutBeingSent() throws IOException {
        knowledge.add(List.of(file("slides.pptx", "x")));

        assertThat(uploads.files().getFirst().statusText()).isEqualTo("refused: only PDF, Markdown (.md, .markdown)"
                + " and plain text (.txt) files can be added");
        assertThat(executor.waiting()).isZero();
        assertThat(uploads.activeProperty().get()).isFalse();
        assertThat(uploads.progressTextProperty().get()).isEqualTo("1 file: 1 refused.");
    }

    @Test
    void aFileOverTwentyMegabytesIsRefusedBeforeItIsSent() throws IOException {
        Path big = folder.resolve("catalogue.pdf");
        try (RandomAccessFile sparse = new RandomAccessFile(big.toFile(), "rw")) {
            sparse.setLength(KnowledgeUploadViewModel.MAX_BYTES + 1024 * 1024);
        }

        knowledge.add(List.of(big));
        executor.finishNext();

        assertThat(uploads.files().getFirst().statusText()).isEqualTo("refused: 21.0 MB is over the 20.0 MB limit");
        assertThat(backend.calls).isEmpty();
    }

    @Test
    void anEmptyOrMissingFileIsRefusedWithItsReason() throws IOException {
        knowledge.add(List.of(file("empty.txt", ""), folder.resolve("gone.md")));
        executor.finishNext();
        executor.finishNext();

        assertThat(uploads.files()).extracting(FileUpload::statusText)
                .containsExactly("refused: the file is empty", "refused: there is no such file");
    }

    @Test
    void reindexingADocumentOfAFinishedBatchLeavesTheBatchAsItEnded() throws IOException {
        knowledge.add(List.of(file("a.md", "a")));
        executor.finishNext();
        knowledge.onEvent(new BackendEvent.KnowledgeDocumentUpdated(Documents.ready("doc-1", "a.md", 4)));

        knowledge.onEvent(new BackendEvent.KnowledgeDocumentUpdated(Documents.indexing("doc-1", "a.md")));

        assertThat(uploads.files().getFirst().statusText()).isEqualTo("ready: 4 chunks");
        assertThat(uploads.activeProperty().get()).isFalse();
    }

    @Test
    void aDocumentDeletedWhileItIsIndexedIsSaidDeleted() throws IOException {
        knowledge.add(List.of(file("a.md", "a")));
        executor.finishNext();

        knowledge.onEvent(new BackendEvent.KnowledgeDocumentDeleted("doc-1"));

        assertThat(uploads.files().getFirst().statusText()).isEqualTo("deleted");
        assertThat(uploads.progressProperty().get()).isEqualTo(1.0);
    }

    @Test
    void filesAddedWhileABatchRunsJoinIt() throws IOException {
        knowledge.add(List.of(file("a.md", "a")));
        knowledge.add(List.of(file("b.md", "b")));
        executor.finishNext();
        executor.finishNext();

        assertThat(uploads.files()).extracting(FileUpload::fileName).containsExactly("a.md", "b.md");
    }

    @Test
    void aNewBatchStartsAfreshOnceTheLastHasSettled() throws IOException {
        knowledge.add(List.of(file("old.docx", "x")));

        knowledge.add(List.of(file("new.md", "n")));

        assertThat(uploads.files()).extracting(FileUpload::fileName).containsExactly("new.md");
    }

    @Test
    void aDocumentReadyBeforeItsUploadAnswerArrivedIsShownReady() throws IOException {
        knowledge.add(List.of(file("quick.md", "q")));
        knowledge.onEvent(new BackendEvent.KnowledgeDocumentUpdated(Documents.ready("doc-1", "quick.md", 2)));

        executor.finishNext();

        assertThat(uploads.files().getFirst().statusText()).isEqualTo("ready: 2 chunks");
        assertThat(knowledge.documents()).hasSize(1);
    }

    @Test
    void agentsCannotAddDocuments() throws IOException {
        var agent = new KnowledgeViewModel(backend, executor, new RecordingNavigator(), TestData.agentSession());

        agent.add(List.of(file("faq.md", "# FAQ")));

        assertThat(agent.uploads().files()).isEmpty();
        assertThat(executor.waiting()).isZero();
    }

    private List<Stage> stages() {
        return uploads.files().stream().map(FileUpload::stage).toList();
    }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(folder.resolve(name), content);
    }
}
