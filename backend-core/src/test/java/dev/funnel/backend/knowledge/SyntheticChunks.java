package dev.funnel.backend.knowledge;

import dev.funnel.backend.db.Db;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Many chunks in a knowledge base without embedding them, for search benchmarks: random unit vectors
 * (search time does not depend on what the vectors say), stored as indexing would store them, and the
 * vector search on its own, by the store the knowledge base picks for the database (pgvector or portable).
 */
public final class SyntheticChunks {

    private static final int CHUNKS_PER_DOCUMENT = 1000;
    private static final String TEXT = "A synthetic chunk of about forty words, as long as a short paragraph of a"
            + " handbook would be, so that fetching the best chunks' texts costs what it would cost for real ones"
            + " in a knowledge base of this size.";

    private SyntheticChunks() {
    }

    /** Adds {@code count} ready chunks of {@code dimensions}, embedded by {@code model}, in documents of 1,000. */
    public static void add(Db db, UUID organisationId, int count, String model, int dimensions, long seed) {
        KnowledgeRepository repository = new KnowledgeRepository(PgVectorStore.tryEnable(db).isPresent());
        Random random = new Random(seed);
        for (int first = 0; first < count; first += CHUNKS_PER_DOCUMENT) {
            List<KnowledgeRepository.EmbeddedChunk> chunks = new ArrayList<>();
            for (int index = 0; index < Math.min(CHUNKS_PER_DOCUMENT, count - first); index++) {
                float[] vector = new float[dimensions];
                for (int i = 0; i < dimensions; i++) {
                    vector[i] = (float) random.nextGaussian();
                }
                chunks.add(new KnowledgeRepository.EmbeddedChunk(new Chunker.Chunk(index, null, TEXT),
                        Vectors.normalised(vector)));
            }
            db.inTransactionRun(tx -> {
                UUID id = repository.create(tx, organisationId, "synthetic.txt", DocumentType.TEXT, new byte[] {'x'},
                        Instant.now()).id();
                repository.finishReady(tx, organisationId, id, null, chunks, model, Instant.now());
            });
        }
    }

    /** The store's nearest-vector search alone (no question to embed, no texts to fetch). */
    public interface VectorSearch {
        int search(UUID organisationId, String model, float[] query, int limit);

        /** "portable" or "pgvector". */
        String kind();
    }

    /** The vector search of the store {@link KnowledgeBase} would use on {@code db}. */
    public static VectorSearch of(Db db) {
        VectorStore store = PgVectorStore.tryEnable(db)
                .orElseGet(() -> new PortableStore(db, new KnowledgeRepository(false)));
        return new VectorSearch() {
            @Override
            public int search(UUID organisationId, String model, float[] query, int limit) {
                return store.search(organisationId, model, query, limit).size();
            }

            @Override
            public String kind() {
                return store.kind();
            }
        };
    }
}
