package dev.funnel.backend.knowledge;

import dev.funnel.backend.db.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@code knowledge_documents} and {@code knowledge_chunks}: an organisation's files, their chunks and embeddings. */
public final class KnowledgeRepository {

    private static final String DOCUMENT_COLUMNS =
            "id, name, content_type, size_bytes, status, chunks, pages, error, created_at, indexed_at";

    /** A chunk with its embedding, ready to store. */
    record EmbeddedChunk(Chunker.Chunk chunk, float[] embedding) {
    }

    /** A document that must be indexed (again). */
    record Pending(UUID organisationId, UUID documentId) {
    }

    /** A stored file. */
    record Content(DocumentType type, byte[] bytes) {
    }

    /** A chunk's place, and its unit-length embedding. */
    record StoredVector(UUID documentId, int chunkIndex, byte[] embedding) {
    }

    private final boolean pgvector;

    /** @param pgvector whether chunks also get pgvector's {@code embedding_vector} column ({@link PgVectorStore}) */
    KnowledgeRepository(boolean pgvector) {
        this.pgvector = pgvector;
    }

    KnowledgeDocument create(Tx tx, UUID organisationId, String name, DocumentType type, byte[] bytes, Instant now) {
        UUID id = UUID.randomUUID();
        tx.update("""
                INSERT INTO knowledge_documents (id, organisation_id, name, content_type, size_bytes, content, status,
                    chunks, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?)""",
                id, organisationId, name, type.contentType(), (long) bytes.length, bytes, KnowledgeDocument.INDEXING,
                now);
        return find(tx, organisationId, id).orElseThrow();
    }

    /** Newest first. */
    List<KnowledgeDocument> list(Tx tx, UUID organisationId) {
        return tx.query("SELECT " + DOCUMENT_COLUMNS + " FROM knowledge_documents WHERE organisation_id = ?"
                + " ORDER BY created_at DESC, id", KnowledgeRepository::document, organisationId);
    }

    Optional<KnowledgeDocument> find(Tx tx, UUID organisationId, UUID id) {
        return tx.queryOne("SELECT " + DOCUMENT_COLUMNS + " FROM knowledge_documents WHERE organisation_id = ?"
                + " AND id = ?", KnowledgeRepository::document, organisationId, id);
    }

    Optional<Content> content(Tx tx, UUID organisationId, UUID id) {
        return tx.queryOne("SELECT content_type, content FROM knowledge_documents WHERE organisation_id = ? AND id = ?",
                rs -> new Content(DocumentType.of(rs.getString("content_type")).orElseThrow(),
                        rs.getBytes("content")), organisationId, id);
    }

    /** Back to "indexing": no chunks counted and no error until indexing ends. False when there is no such document. */
    boolean markIndexing(Tx tx, UUID organisationId, UUID id) {
        return tx.update("""
                UPDATE knowledge_documents SET status = ?, chunks = 0, error = NULL, indexed_at = NULL
                WHERE organisation_id = ? AND id = ?""", KnowledgeDocument.INDEXING, organisationId, id) > 0;
    }

    /**
     * The document's chunks replaced by {@code chunks} and the document ready. False (and nothing
     * written) when the document is gone or no longer indexing.
     */
    boolean finishReady(Tx tx, UUID organisationId, UUID id, Integer pages, List<EmbeddedChunk> chunks, String model,
                        Instant now) {
        int updated = tx.update("""
                UPDATE knowledge_documents SET status = ?, chunks = ?, pages = ?, error = NULL, indexed_at = ?
                WHERE organisation_id = ? AND id = ? AND status = ?""",
                KnowledgeDocument.READY, chunks.size(), pages, now, organisationId, id, KnowledgeDocument.INDEXING);
        if (updated == 0) {
            return false;
        }
        tx.update("DELETE FROM knowledge_chunks WHERE document_id = ?", id);
        String columns = "document_id, chunk_index, organisation_id, page, text, embedding_model, dimensions, embedding";
        String sql = pgvector
                ? "INSERT INTO knowledge_chunks (" + columns + ", embedding_vector) VALUES (?, ?, ?, ?, ?, ?, ?, ?,"
                        + " CAST(? AS vector))"
                : "INSERT INTO knowledge_chunks (" + columns + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
        List<Object[]> rows = new ArrayList<>(chunks.size());
        for (EmbeddedChunk c : chunks) {
            List<Object> row = new ArrayList<>(List.of(id, c.chunk().index(), organisationId));
            row.add(c.chunk().page());
            row.addAll(List.of(c.chunk().text(), model, c.embedding().length, Vectors.bytes(c.embedding())));
            if (pgvector) {
                row.add(Vectors.pgvector(c.embedding()));
            }
            rows.add(row.toArray());
        }
        tx.batch(sql, rows);
        return true;
    }

    /** The document failed, with no chunks left. False when it is gone or no longer indexing. */
    boolean finishFailed(Tx tx, UUID organisationId, UUID id, String error, Instant now) {
        int updated = tx.update("""
                UPDATE knowledge_documents SET status = ?, chunks = 0, error = ?, indexed_at = ?
                WHERE organisation_id = ? AND id = ? AND status = ?""",
                KnowledgeDocument.FAILED, error, now, organisationId, id, KnowledgeDocument.INDEXING);
        if (updated > 0) {
            tx.update("DELETE FROM knowledge_chunks WHERE document_id = ?", id);
        }
        return updated > 0;
    }

    boolean delete(Tx tx, UUID organisationId, UUID id) {
        return tx.update("DELETE FROM knowledge_documents WHERE organisation_id = ? AND id = ?", organisationId, id) > 0;
    }

    /**
     * Documents to index: those left "indexing" (the backend stopped while indexing them) and ready
     * ones with chunks of another model than {@code model}, or without pgvector's column when it is used.
     */
    List<Pending> toIndex(Tx tx, String model) {
        String stale = pgvector ? "(c.embedding_model <> ? OR c.embedding_vector IS NULL)" : "c.embedding_model <> ?";
        return tx.query("""
                SELECT organisation_id, id FROM knowledge_documents d WHERE status = ?
                    OR (status = ? AND EXISTS (SELECT 1 FROM knowledge_chunks c WHERE c.document_id = d.id AND\s"""
                        + stale + ")) ORDER BY created_at",
                rs -> new Pending(Tx.uuid(rs, "organisation_id"), Tx.uuid(rs, "id")),
                KnowledgeDocument.INDEXING, KnowledgeDocument.READY, model);
    }

    /** The organisation's documents and the chunks of its ready ones. */
    int[] counts(Tx tx, UUID organisationId) {
        return tx.queryOne("""
                SELECT COUNT(*), COALESCE(SUM(CASE WHEN status = ? THEN chunks ELSE 0 END), 0)
                FROM knowledge_documents WHERE organisation_id = ?""",
                rs -> new int[] {rs.getInt(1), rs.getInt(2)}, KnowledgeDocument.READY, organisationId).orElseThrow();
    }

    /**
     * What changes whenever the organisation's searchable chunks do: its ready documents' count, chunks
     * and latest indexing time (a re-indexed or new document is the latest).
     */
    String fingerprint(Tx tx, UUID organisationId) {
        return tx.queryOne("""
                SELECT COUNT(*) AS documents, COALESCE(SUM(chunks), 0) AS chunks, MAX(indexed_at) AS latest
                FROM knowledge_documents WHERE organisation_id = ? AND status = ?""",
                rs -> rs.getInt("documents") + "/" + rs.getInt("chunks") + "/" + Tx.instant(rs, "latest"),
                organisationId, KnowledgeDocument.READY).orElseThrow();
    }

    /** Every embedding of the organisation's ready documents made by {@code model}. */
    List<StoredVector> vectors(Tx tx, UUID organisationId, String model) {
        return tx.query("""
                SELECT c.document_id, c.chunk_index, c.embedding FROM knowledge_chunks c
                JOIN knowledge_documents d ON d.id = c.document_id
                WHERE c.organisation_id = ? AND c.embedding_model = ? AND d.status = ?""",
                rs -> new StoredVector(Tx.uuid(rs, "document_id"), rs.getInt("chunk_index"), rs.getBytes("embedding")),
                organisationId, model, KnowledgeDocument.READY);
    }

    /** The chunk as a hit with {@code score}; empty when it is gone. */
    Optional<KnowledgeHit> hit(Tx tx, UUID organisationId, UUID documentId, int chunkIndex, double score) {
        return tx.queryOne("""
                SELECT d.name, c.page, c.text FROM knowledge_chunks c JOIN knowledge_documents d ON d.id = c.document_id
                WHERE c.organisation_id = ? AND c.document_id = ? AND c.chunk_index = ?""",
                rs -> new KnowledgeHit(documentId, rs.getString("name"), chunkIndex, rs.getObject("page", Integer.class),
                        score, rs.getString("text")), organisationId, documentId, chunkIndex);
    }

    private static KnowledgeDocument document(ResultSet rs) throws SQLException {
        return new KnowledgeDocument(Tx.uuid(rs, "id"), rs.getString("name"), rs.getString("content_type"),
                rs.getLong("size_bytes"), rs.getString("status"), rs.getInt("chunks"),
                rs.getObject("pages", Integer.class), rs.getString("error"), Tx.instant(rs, "created_at"),
                Tx.instant(rs, "indexed_at"));
    }
}
