package dev.funnel.backend.knowledge;

import dev.funnel.backend.audit.AuditLog;
import dev.funnel.backend.db.Db;
import dev.funnel.backend.events.EventBus;
import dev.funnel.backend.worker.BackgroundThreads;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.IntStream;

/**
 * The organisations' knowledge bases: files are stored at once and indexed in the background, one at
 * a time (extract the text, cut it into chunks, embed them, store them in one transaction), with a
 * live event when a file is added, is ready or failed, and when it is deleted. Files left indexing by
 * a stop, and files whose chunks another embedding model made, are indexed again at start.
 */
public final class KnowledgeBase implements AutoCloseable {

    public static final String DOCUMENT_UPDATED = "knowledge_document_updated";
    public static final String DOCUMENT_DELETED = "knowledge_document_deleted";
    /** The most snippets a turn gives the model, and how close to the question each must be. */
    static final int TURN_SNIPPETS = 4;
    static final double TURN_MIN_SCORE = 0.3;

    private static final Logger LOG = Logger.getLogger(KnowledgeBase.class.getName());
    private static final String ENTITY = "knowledge_document";

    /** What {@code GET /knowledge/status} answers. */
    public record Status(String embeddingModel, int dimensions, String store, int documents, int chunks) {
    }

    private final Db db;
    private final Embedder embedder;
    private final EventBus bus;
    private final Clock clock;
    private final KnowledgeRepository repository;
    private final VectorStore store;
    private final AuditLog audit = new AuditLog();
    private final ExecutorService indexer = Executors.newSingleThreadExecutor(
            BackgroundThreads.factory("funnel-knowledge-indexer-"));

    public KnowledgeBase(Db db, Embedder embedder, EventBus bus, Clock clock) {
        this.db = db;
        this.embedder = embedder;
        this.bus = bus;
        this.clock = clock;
        Optional<VectorStore> pgvector = PgVectorStore.tryEnable(db);
        this.repository = new KnowledgeRepository(pgvector.isPresent());
        this.store = pgvector.orElseGet(() -> new PortableStore(db, repository));
    }

    /** Indexes what a stop left half done, and what another embedding model indexed. */
    public void start() {
        for (KnowledgeRepository.Pending pending : db.inTransaction(tx -> repository.toIndex(tx, embedder.name()))) {
            LOG.info(() -> "Indexing knowledge document " + pending.documentId() + " (again) with " + embedder.name());
            db.inTransactionRun(tx -> repository.markIndexing(tx, pending.organisationId(), pending.documentId()));
            indexLater(pending.organisationId(), pending.documentId());
        }
    }

    /** Stores the file and indexes it in the background; {@code userId} (who added it) goes into the audit log. */
    public KnowledgeDocument add(UUID organisationId, UUID userId, String name, DocumentType type, byte[] bytes) {
        KnowledgeDocument created = db.inTransaction(tx -> {
            KnowledgeDocument document = repository.create(tx, organisationId, name, type, bytes, clock.instant());
            audit.record(tx, organisationId, userId, "knowledge.added", ENTITY, document.id(), clock.instant());
            return document;
        });
        bus.publish(organisationId, DOCUMENT_UPDATED, Map.of("document", created));
        indexLater(organisationId, created.id());
        return created;
    }

    public List<KnowledgeDocument> list(UUID organisationId) {
        return db.inTransaction(tx -> repository.list(tx, organisationId));
    }

    public Optional<KnowledgeDocument> find(UUID organisationId, UUID id) {
        return db.inTransaction(tx -> repository.find(tx, organisationId, id));
    }

    /** Indexes the document again from its stored file; empty when there is no such document. */
    public Optional<KnowledgeDocument> reindex(UUID organisationId, UUID userId, UUID id) {
        Optional<KnowledgeDocument> marked = db.inTransaction(tx -> {
            if (!repository.markIndexing(tx, organisationId, id)) {
                return Optional.empty();
            }
            audit.record(tx, organisationId, userId, "knowledge.reindexed", ENTITY, id, clock.instant());
            return repository.find(tx, organisationId, id);
        });
        marked.ifPresent(document -> {
            bus.publish(organisationId, DOCUMENT_UPDATED, Map.of("document", document));
            indexLater(organisationId, id);
        });
        return marked;
    }

    /** Deletes the document and its chunks; false when there is no such document. */
    public boolean delete(UUID organisationId, UUID userId, UUID id) {
        boolean deleted = db.inTransaction(tx -> {
            if (!repository.delete(tx, organisationId, id)) {
                return false;
            }
            audit.record(tx, organisationId, userId, "knowledge.deleted", ENTITY, id, clock.instant());
            return true;
        });
        if (deleted) {
            bus.publish(organisationId, DOCUMENT_DELETED, Map.of("document_id", id));
        }
        return deleted;
    }

    /**
     * The organisation's chunks nearest to {@code question}, best first. An organisation without
     * chunks is answered without embedding anything (the offline model is not even loaded).
     */
    public List<KnowledgeHit> search(UUID organisationId, String question, int limit) {
        if (db.inTransaction(tx -> repository.counts(tx, organisationId))[1] == 0) {
            return List.of();
        }
        List<VectorStore.Scored> scored = store.search(organisationId, embedder.name(), embedder.embed(question),
                limit);
        return db.inTransaction(tx -> scored.stream().flatMap(s -> repository.hit(tx, organisationId, s.documentId(),
                s.chunkIndex(), s.score()).stream()).toList());
    }

    /**
     * The organisation's knowledge base for bot turns: a few snippets, each close enough to the
     * question. When the search fails (a remote embedding model is down), the turn goes on without
     * snippets: the generate prompt then tells the model to confirm facts through a colleague.
     */
    public KnowledgeLookup lookup(UUID organisationId) {
        return question -> {
            try {
                return search(organisationId, question, TURN_SNIPPETS).stream()
                        .filter(hit -> hit.score() >= TURN_MIN_SCORE).toList();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "The knowledge base search failed; the turn goes on without snippets", e);
                return List.of();
            }
        };
    }

    public Status status(UUID organisationId) {
        int[] counts = db.inTransaction(tx -> repository.counts(tx, organisationId));
        return new Status(embedder.name(), embedder.dimensions(), store.kind(), counts[0], counts[1]);
    }

    private void indexLater(UUID organisationId, UUID id) {
        indexer.execute(() -> index(organisationId, id));
    }

    /** Extract, chunk, embed and store; whatever goes wrong leaves the document failed with a reason, not half done. */
    private void index(UUID organisationId, UUID id) {
        Optional<KnowledgeRepository.Content> content = db.inTransaction(tx ->
                repository.content(tx, organisationId, id));
        if (content.isEmpty()) {
            return;
        }
        boolean finished;
        try {
            TextExtractor.Extracted text = TextExtractor.extract(content.get().type(), content.get().bytes());
            List<Chunker.Chunk> chunks = Chunker.chunk(text.pages());
            List<float[]> vectors = embedder.embed(chunks.stream().map(Chunker.Chunk::text).toList());
            List<KnowledgeRepository.EmbeddedChunk> embedded = IntStream.range(0, chunks.size())
                    .mapToObj(i -> new KnowledgeRepository.EmbeddedChunk(chunks.get(i), vectors.get(i))).toList();
            finished = db.inTransaction(tx -> repository.finishReady(tx, organisationId, id, text.pageCount(),
                    embedded, embedder.name(), clock.instant()));
        } catch (UnreadableDocumentException e) {
            finished = failed(organisationId, id, e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Indexing knowledge document " + id + " failed", e);
            finished = failed(organisationId, id, "Indexing failed (" + e.getMessage() + "); re-index the file to try"
                    + " again, or check the embedding model's settings (EMBEDDINGS_*)");
        }
        if (finished) {
            find(organisationId, id).ifPresent(document ->
                    bus.publish(organisationId, DOCUMENT_UPDATED, Map.of("document", document)));
        }
    }

    private boolean failed(UUID organisationId, UUID id, String error) {
        return db.inTransaction(tx -> repository.finishFailed(tx, organisationId, id, error, clock.instant()));
    }

    /** Stops indexing; a document it was working on stays "indexing" and is indexed at the next start. */
    @Override
    public void close() {
        indexer.shutdownNow();
        try {
            indexer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
