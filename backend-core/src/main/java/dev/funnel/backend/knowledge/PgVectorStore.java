package dev.funnel.backend.knowledge;

import dev.funnel.backend.db.DataAccessException;
import dev.funnel.backend.db.Db;
import dev.funnel.backend.db.Tx;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Exact cosine search by PostgreSQL with the pgvector extension: chunks carry their embedding in a
 * {@code vector} column too, and the database orders them by {@code <=>} (cosine distance), so no
 * vectors are held in the backend's memory.
 */
final class PgVectorStore implements VectorStore {

    private static final Logger LOG = Logger.getLogger(PgVectorStore.class.getName());

    private final Db db;

    private PgVectorStore(Db db) {
        this.db = db;
    }

    /**
     * pgvector when the database is PostgreSQL and the extension is there or can be created (it needs
     * the package installed and the right to create it); empty otherwise, for the portable store.
     */
    static Optional<VectorStore> tryEnable(Db db) {
        if (!db.isPostgres()) {
            return Optional.empty();
        }
        try {
            db.inTransactionRun(tx -> tx.update("CREATE EXTENSION IF NOT EXISTS vector"));
            db.inTransactionRun(tx -> {
                tx.update("ALTER TABLE knowledge_chunks ADD COLUMN IF NOT EXISTS embedding_vector vector");
                // vector's own storage is EXTERNAL: next to the portable bytes, a 384-float row passes 2 KB and
                // each vector went to the TOAST table, read back row by row at every search (10x slower).
                // MAIN keeps it in the row and moves the portable bytes out instead.
                tx.update("ALTER TABLE knowledge_chunks ALTER COLUMN embedding_vector SET STORAGE MAIN");
            });
            return Optional.of(new PgVectorStore(db));
        } catch (DataAccessException e) {
            LOG.log(Level.INFO, "pgvector is not available (" + rootMessage(e)
                    + "); the knowledge base searches in Java (portable store)");
            return Optional.empty();
        }
    }

    @Override
    public String kind() {
        return "pgvector";
    }

    @Override
    public List<Scored> search(UUID organisationId, String model, float[] query, int limit) {
        // the question is cast once in q: once the driver prepares the statement on the server, PostgreSQL's
        // generic plan evaluated an inline CAST(? AS vector) for every chunk (3.5 s instead of 0.13 s at 100k)
        return db.inTransaction(tx -> tx.query("""
                WITH q AS MATERIALIZED (SELECT CAST(? AS vector) AS v)
                SELECT c.document_id, c.chunk_index, 1 - (c.embedding_vector <=> q.v) AS score
                FROM q, knowledge_chunks c JOIN knowledge_documents d ON d.id = c.document_id
                WHERE c.organisation_id = ? AND c.embedding_model = ? AND d.status = ?
                ORDER BY c.embedding_vector <=> q.v LIMIT ?""",
                rs -> new Scored(Tx.uuid(rs, "document_id"), rs.getInt("chunk_index"), rs.getDouble("score")),
                Vectors.pgvector(query), organisationId, model, KnowledgeDocument.READY, limit));
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
