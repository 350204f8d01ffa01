package dev.funnel.backend.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.backend.events.EventBus;
import dev.funnel.backend.organisations.OrganisationRepository;
import dev.funnel.backend.testing.DatabaseContract;
import dev.funnel.backend.testing.Waits;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The knowledge base on a real database with the offline model: indexing, search within an
 * organisation, delete and re-index, files that cannot be read, and what a restart finds half done.
 */
public abstract class KnowledgeContract extends DatabaseContract {

    private static final Duration WAIT = Duration.ofSeconds(60);
    /** One model for the whole run: loading it takes a second or two. */
    static final Embedder OFFLINE = Embedder.create(KnowledgeConfig.OFFLINE);

    private EventBus bus;
    private KnowledgeBase knowledge;
    private UUID org;
    private UUID otherOrg;

    @BeforeEach
    void startKnowledgeBase() {
        bus = new EventBus(db, Clock.systemUTC(), Duration.ofHours(1));
        knowledge = new KnowledgeBase(db, OFFLINE, bus, Clock.systemUTC());
        OrganisationRepository organisations = new OrganisationRepository();
        org = db.inTransaction(tx -> organisations.create(tx, "Harbour Lane Cycles", Instant.now())).id();
        otherOrg = db.inTransaction(tx -> organisations.create(tx, "Other Shop", Instant.now())).id();
    }

    @AfterEach
    void stopKnowledgeBase() {
        knowledge.close();
        bus.close();
    }

    @Test
    void aTextFileBecomesReadyAndItsChunksAreFound() {
        KnowledgeDocument added = knowledge.add(org, null, "notes.txt", DocumentType.TEXT,
                "Our shop sells sourdough bread.\n\nThe bakery opens at seven in the morning.".getBytes(
                        StandardCharsets.UTF_8));
        assertThat(added.status()).isEqualTo(KnowledgeDocument.INDEXING);

        KnowledgeDocument ready = ready(org, added.id());

        assertThat(ready.chunks()).isEqualTo(1);
        assertThat(ready.pages()).isNull();
        assertThat(ready.indexedAt()).isNotNull();
        List<KnowledgeHit> hits = knowledge.search(org, "When does the bakery open?", 5);
        assertThat(hits).singleElement().satisfies(hit -> {
            assertThat(hit.documentName()).isEqualTo("notes.txt");
            assertThat(hit.text()).contains("opens at seven");
            assertThat(hit.score()).isGreaterThan(0.3);
        });
    }

    @Test
    void anotherOrganisationsSearchFindsNothingOfIt() {
        readyHandbook();

        assertThat(knowledge.search(otherOrg, "How much is an e-bike for a day?", 5)).isEmpty();
        assertThat(knowledge.status(otherOrg).chunks()).isZero();
    }

    @Test
    void theHandbookAnswersTheLabelledQuestionsInTheFirstFiveHits() {
        readyHandbook();

        double recall = KnowledgeFixtures.recallAt5(knowledge, org);

        System.out.printf("recall@5 on %d labelled questions: %.3f%n", KnowledgeFixtures.questions().size(), recall);
        assertThat(recall).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void aPdfKeepsItsPagesAndPageNumbers() {
        KnowledgeDocument ready = ready(org, knowledge.add(org, null, "catalogue.pdf", DocumentType.PDF,
                KnowledgeFixtures.catalogue(3)).id());

        assertThat(ready.pages()).isEqualTo(3);
        assertThat(ready.chunks()).isGreaterThanOrEqualTo(3);
        List<Integer> pages = db.inTransaction(tx -> tx.query(
                "SELECT page FROM knowledge_chunks ORDER BY chunk_index", rs -> rs.getInt("page")));
        assertThat(pages).isSorted().contains(1, 2, 3);
        assertThat(knowledge.search(org, "brake cable and derailleur", 1)).singleElement()
                .satisfies(hit -> assertThat(hit.page()).isBetween(1, 3));
    }

    @Test
    void deletingADocumentTakesItsChunksAlong() {
        UUID id = readyHandbook();

        assertThat(knowledge.delete(org, null, id)).isTrue();

        assertThat(knowledge.search(org, "opening hours", 5)).isEmpty();
        assertThat(count("SELECT COUNT(*) FROM knowledge_chunks")).isZero();
        assertThat(knowledge.delete(org, null, id)).isFalse();
    }

    @Test
    void reindexingReplacesTheChunks() {
        UUID id = readyHandbook();
        int chunks = count("SELECT COUNT(*) FROM knowledge_chunks");

        assertThat(knowledge.reindex(org, null, id)).hasValueSatisfying(d ->
                assertThat(d.status()).isEqualTo(KnowledgeDocument.INDEXING));
        ready(org, id);

        assertThat(count("SELECT COUNT(*) FROM knowledge_chunks")).isEqualTo(chunks);
        assertThat(knowledge.reindex(otherOrg, null, id)).isEmpty();
    }

    @Test
    void aPasswordProtectedPdfFailsWithAReasonAndNoChunks() {
        KnowledgeDocument failed = settled(org, knowledge.add(org, null, "locked.pdf", DocumentType.PDF,
                KnowledgeFixtures.passwordProtectedPdf()).id());

        assertThat(failed.status()).isEqualTo(KnowledgeDocument.FAILED);
        assertThat(failed.error()).contains("password");
        assertThat(count("SELECT COUNT(*) FROM knowledge_chunks")).isZero();
    }

    @Test
    void aCorruptPdfFailsWithAReason() {
        KnowledgeDocument failed = settled(org, knowledge.add(org, null, "broken.pdf", DocumentType.PDF,
                KnowledgeFixtures.corruptPdf()).id());

        assertThat(failed.status()).isEqualTo(KnowledgeDocument.FAILED);
        assertThat(failed.error()).contains("could not be read as a PDF");
    }

    @Test
    void aDocumentLeftIndexingByAStopIsIndexedAtStart() {
        KnowledgeRepository repository = new KnowledgeRepository(false);
        UUID id = db.inTransaction(tx -> repository.create(tx, org, "left-over.md", DocumentType.MARKDOWN,
                KnowledgeFixtures.handbook(), Instant.now())).id();

        knowledge.start();

        assertThat(ready(org, id).chunks()).isGreaterThan(20);
    }

    @Test
    void chunksOfAnotherModelAreIndexedAgainAtStart() {
        UUID id = readyHandbook();
        db.inTransactionRun(tx -> tx.update("UPDATE knowledge_chunks SET embedding_model = 'an-older-model'"));

        knowledge.start();
        ready(org, id);

        assertThat(count("SELECT COUNT(*) FROM knowledge_chunks WHERE embedding_model = 'an-older-model'")).isZero();
        assertThat(knowledge.search(org, "Where can I park my car?", 5)).isNotEmpty();
    }

    @Test
    void anotherBackendOnTheSameDatabaseFindsWhatThisOneIndexed() {
        ready(org, knowledge.add(org, null, "hours.txt", DocumentType.TEXT,
                "The bakery opens at seven in the morning.".getBytes(StandardCharsets.UTF_8)).id());
        try (KnowledgeBase other = new KnowledgeBase(db, OFFLINE, bus, Clock.systemUTC())) {
            assertThat(other.search(org, "croissant prices", 5)).extracting(KnowledgeHit::documentName)
                    .containsExactly("hours.txt");

            ready(org, knowledge.add(org, null, "prices.txt", DocumentType.TEXT,
                    "A croissant costs two euros.".getBytes(StandardCharsets.UTF_8)).id());

            assertThat(other.search(org, "croissant prices", 5)).extracting(KnowledgeHit::documentName)
                    .containsExactly("prices.txt", "hours.txt");
        }
    }

    /** The handbook added to the organisation and indexed; its id. */
    private UUID readyHandbook() {
        return ready(org, knowledge.add(org, null, "handbook.md", DocumentType.MARKDOWN, KnowledgeFixtures.handbook())
                .id()).id();
    }

    private KnowledgeDocument ready(UUID organisationId, UUID id) {
        KnowledgeDocument settled = settled(organisationId, id);
        assertThat(settled.status()).as(settled.error()).isEqualTo(KnowledgeDocument.READY);
        return settled;
    }

    private KnowledgeDocument settled(UUID organisationId, UUID id) {
        Waits.until("the document to be indexed", WAIT, () -> !knowledge.find(organisationId, id).orElseThrow()
                .status().equals(KnowledgeDocument.INDEXING));
        return knowledge.find(organisationId, id).orElseThrow();
    }

    private int count(String sql) {
        return db.inTransaction(tx -> tx.queryOne(sql, rs -> rs.getInt(1)).orElseThrow());
    }
}
