package dev.funnel.console.backend;

/** A knowledge-base snippet given to a turn's generate step, as the trace records it; {@code excerpt} is the chunk's start. */
public record KnowledgeSource(String documentId, String documentName, int chunkIndex, double score, String excerpt) {
}
