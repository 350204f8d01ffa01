package dev.funnel.backend.knowledge;

import java.util.UUID;

/**
 * A chunk found for a question.
 *
 * @param score cosine similarity between the question and the chunk, -1 to 1
 * @param page  the PDF page the chunk starts on; null for other files
 */
public record KnowledgeHit(UUID documentId, String documentName, int chunkIndex, Integer page, double score,
                           String text) {
}
