package dev.funnel.console.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.console.backend.BackendEvent;
import dev.funnel.console.backend.FakeBackendClient;
import dev.funnel.console.backend.KnowledgeDocument;
import dev.funnel.console.backend.KnowledgeHit;
import dev.funnel.console.backend.KnowledgeStatus;
import dev.funnel.console.backend.TestData;
import dev.funnel.console.common.CurrentThreadTaskExecutor;
import dev.funnel.console.shell.RecordingNavigator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KnowledgeViewModelTest {

    private final FakeBackendClient backend = new FakeBackendClient();
    private final RecordingNavigator navigator = new RecordingNavigator();
    private final KnowledgeViewModel knowledge = new KnowledgeViewModel(backend, new CurrentThreadTaskExecutor(),
            navigator, TestData.session());

    @Test
    void showsTheDocumentsAndHowTheKnowledgeBaseIsServed() {
        backend.knowledgeDocuments = new ArrayList<>(List.of(Documents.ready("d2", "prices.pdf", 12),
                Documents.ready("d1", "faq.md", 3)));
        backend.knowledgeStatus = new KnowledgeStatus("all-minilm-l6-v2-q (offline)", 384, "portable", 2, 15);

        knowledge.load();

        assertThat(knowledge.documents()).extracting(KnowledgeDocument::name).containsExactly("prices.pdf", "faq.md");
        assertThat(knowledge.statusLineProperty().get()).isEqualTo("Embedding model all-minilm-l6-v2-q (offline), "
                + "384 dimensions  \u00b7  portable store  \u00b7  2 documents, 15 chunks");
    }

    @Test
    void aListThatCannotBeLoadedSaysWhy() {
        backend.failNext(0, "Cannot reach the server at http://127.0.0.1:8090. Is it running?");

        knowledge.load();

        assertThat(knowledge.errorProperty().get()).contains("Cannot reach the server");
    }

    @Test
    void anUnavailableStatusSaysWhy() {
        backend.failNext(503, "The knowledge base is still starting");

        knowledge.onEvent(new BackendEvent.KnowledgeDocumentDeleted("d1"));

        assertThat(knowledge.statusLineProperty().get())
                .isEqualTo("The knowledge base's status is unavailable: The knowledge base is still starting");
    }

    @Test
    void deletingAsksFirstThenRemovesTheDocument() {
        backend.knowledgeDocuments = new ArrayList<>(List.of(Documents.ready("d1", "faq.md", 3)));
        knowledge.load();
        knowledge.selectedProperty().set(knowledge.documents().getFirst());

        knowledge.askDelete();

        assertThat(knowledge.deleteQuestionProperty().get()).startsWith("Delete \"faq.md\"?");
        assertThat(backend.calls).doesNotContain("deleteKnowledgeDocument d1");

        knowledge.confirmDelete();

        assertThat(backend.calls).contains("deleteKnowledgeDocument d1");
        assertThat(knowledge.documents()).isEmpty();
        assertThat(knowledge.selectedProperty().get()).isNull();
        assertThat(knowledge.noticeProperty().get()).isEqualTo("Deleted faq.md.");
    }

    @Test
    void keepingItDeletesNothing() {
        backend.knowledgeDocuments = new ArrayList<>(List.of(Documents.ready("d1", "faq.md", 3)));
        knowledge.load();
        knowledge.selectedProperty().set(knowledge.documents().getFirst());
        knowledge.askDelete();

        knowledge.cancelDelete();

        assertThat(knowledge.pendingDeleteProperty().get()).isNull();
        assertThat(knowledge.documents()).hasSize(1);
    }

    @Test
    void reindexingPutsTheDocumentBackToIndexingUntilItsEventArrives() {
        backend.knowledgeDocuments = new ArrayList<>(List.of(Documents.ready("d1", "faq.md", 3)));
        knowledge.load();
        knowledge.selectedProperty().set(knowledge.documents().getFirst());

        knowledge.reindex();

        assertThat(backend.calls).contains("reindexKnowledgeDocument d1");
        assertThat(knowledge.documents().getFirst().status()).isEqualTo(KnowledgeDocument.INDEXING);
        assertThat(knowledge.canReindexProperty().get()).isFalse();

        knowledge.onEvent(new BackendEvent.KnowledgeDocumentUpdated(Documents.ready("d1", "faq.md", 4)));

        assertThat(knowledge.documents().getFirst().chunks()).isEqualTo(4);
        assertThat(knowledge.selectedProperty().get().status()).isEqualTo(KnowledgeDocument.READY);
        assertThat(knowledge.canReindexProperty().get()).isTrue();
    }

    @Test
    void aRefusedActionShowsTheServersSentence() {
        backend.knowledgeDocuments = new ArrayList<>(List.of(Documents.ready("d1", "faq.md", 3)));
        knowledge.load();
        knowledge.selectedProperty().set(knowledge.documents().getFirst());
        backend.failNext(404, "Knowledge document not found");

        knowledge.reindex();

        assertThat(knowledge.errorProperty().get()).isEqualTo("Knowledge document not found");
    }

    @Test
    void liveEventsAddChangeAndRemoveDocumentsAndRefreshTheCounts() {
        knowledge.load();
        backend.knowledgeStatus = new KnowledgeStatus("text-embedding-3-small", 1536, "pgvector", 1, 7);

        knowledge.onEvent(new BackendEvent.KnowledgeDocumentUpdated(Documents.indexing("d9", "from-a-colleague.md")));

        assertThat(knowledge.documents()).extracting(KnowledgeDocument::status).containsExactly("indexing");
        knowledge.onEvent(new BackendEvent.KnowledgeDocumentUpdated(Documents.ready("d9", "from-a-colleague.md", 7)));

        assertThat(knowledge.documents()).extracting(KnowledgeDocument::chunks).containsExactly(7);
        assertThat(knowledge.statusLineProperty().get()).contains("pgvector store", "1 document, 7 chunks");

        knowledge.onEvent(new BackendEvent.KnowledgeDocumentDeleted("d9"));

        assertThat(knowledge.documents()).isEmpty();
    }

    @Test
    void agentsReadButCannotDeleteOrReindex() {
        backend.knowledgeDocuments = new ArrayList<>(List.of(Documents.ready("d1", "faq.md", 3)));
        var agent = new KnowledgeViewModel(backend, new CurrentThreadTaskExecutor(), navigator,
                TestData.agentSession());
        agent.load();
        agent.selectedProperty().set(agent.documents().getFirst());

        agent.askDelete();
        agent.reindex();

        assertThat(agent.admin()).isFalse();
        assertThat(agent.canChangeSelectedProperty().get()).isFalse();
        assertThat(agent.canReindexProperty().get()).isFalse();
        assertThat(agent.pendingDeleteProperty().get()).isNull();
        assertThat(backend.calls).doesNotContain("reindexKnowledgeDocument d1");
    }

    @Test
    void adminsMayChangeTheSelectedDocumentOnly() {
        backend.knowledgeDocuments = new ArrayList<>(List.of(Documents.ready("d1", "faq.md", 3)));
        knowledge.load();

        assertThat(knowledge.canChangeSelectedProperty().get()).isFalse();
        knowledge.selectedProperty().set(knowledge.documents().getFirst());
        assertThat(knowledge.canChangeSelectedProperty().get()).isTrue();
    }

    @Test
    void aQuestionShowsTheClosestPassagesWithTheirScores() {
        backend.knowledgeHits = new ArrayList<>(List.of(
                new KnowledgeHit("d1", "shipping.md", 2, 0.8312, "We deliver across France in 2 working days.")));
        KnowledgeSearchViewModel search = knowledge.search();
        search.questionProperty().set("  Do you deliver to Lyon? ");

        search.ask();

        assertThat(backend.calls).contains("searchKnowledge Do you deliver to Lyon? 5");
        assertThat(search.hits()).extracting(KnowledgeSearchViewModel::title)
                .containsExactly("shipping.md  \u00b7  chunk 2  \u00b7  score 0.83");
        assertThat(search.messageProperty().get()).isEmpty();
    }

    @Test
    void aQuestionWithNoPassageSaysWhy() {
        KnowledgeSearchViewModel search = knowledge.search();
        search.questionProperty().set("Anything?");

        search.ask();

        assertThat(search.messageProperty().get()).isEqualTo(KnowledgeSearchViewModel.NOTHING_FOUND);
    }

    @Test
    void aFailedSearchSaysWhy() {
        KnowledgeSearchViewModel search = knowledge.search();
        search.questionProperty().set("Anything?");
        backend.failNext(503, "The embedding model is not reachable");

        search.ask();

        assertThat(search.messageProperty().get()).isEqualTo("The search failed: The embedding model is not reachable");
    }

    @Test
    void anEmptyQuestionIsNotSent() {
        knowledge.search().questionProperty().set("   ");

        knowledge.search().ask();

        assertThat(backend.calls).isEmpty();
    }

    @Test
    void backGoesToTheInbox() {
        knowledge.backToInbox();

        assertThat(navigator.last()).isEqualTo("inbox");
    }
}
