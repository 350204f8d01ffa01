package dev.funnel.console.backend;

/**
 * How the organisation's knowledge base is served: the embedding model (the offline one or the configured
 * remote model), the vector store ("portable" or "pgvector"), and what it holds.
 */
public record KnowledgeStatus(String embeddingModel, int dimensions, String store, int documents, int chunks) {
}
