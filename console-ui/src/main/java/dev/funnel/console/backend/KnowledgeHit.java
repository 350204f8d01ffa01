package dev.funnel.console.backend;

/** A chunk the knowledge search found, best first; {@code score} is the cosine similarity to the question. */
public record KnowledgeHit(String documentId, String documentName, int chunkIndex, double score, String text) {
}
