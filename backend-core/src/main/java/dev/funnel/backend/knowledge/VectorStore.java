package dev.funnel.backend.knowledge;

import java.util.List;
import java.util.UUID;

/** Where the nearest chunks to a question are found: in Java over the portable table, or by pgvector. */
interface VectorStore {

    /** A chunk and its cosine similarity to the question. */
    record Scored(UUID documentId, int chunkIndex, double score) {
    }

    /** "portable" or "pgvector", as {@code GET /knowledge/status} names it. */
    String kind();

    /** The organisation's ready chunks embedded by {@code model} that are nearest to {@code query}, best first. */
    List<Scored> search(UUID organisationId, String model, float[] query, int limit);
}
