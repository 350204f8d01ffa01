package dev.funnel.console.backend;

import java.time.Instant;

/**
 * A file of the organisation's knowledge base: "indexing" while the backend extracts, chunks and
 * embeds it, then "ready" or "failed" (with {@code error} saying why).
 *
 * @param pages     PDFs only; null for Markdown and plain text
 * @param indexedAt null until ready or failed
 */
public record KnowledgeDocument(String id, String name, String contentType, long sizeBytes, String status,
                                int chunks, Integer pages, String error, Instant createdAt, Instant indexedAt) {

    public static final String INDEXING = "indexing";
    public static final String READY = "ready";
    public static final String FAILED = "failed";

    public boolean indexing() {
        return INDEXING.equals(status);
    }

    public boolean failed() {
        return FAILED.equals(status);
    }
}
