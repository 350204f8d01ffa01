package dev.funnel.backend.knowledge;

import java.time.Instant;
import java.util.UUID;

/**
 * A file of an organisation's knowledge base, as the API shows it (the file's bytes stay in the table).
 *
 * @param status     "indexing", "ready" or "failed"
 * @param chunks     0 while indexing
 * @param pages      for PDFs only; null otherwise
 * @param error      why indexing failed, readable; null otherwise
 * @param indexedAt  when it became ready or failed; null while indexing
 */
public record KnowledgeDocument(UUID id, String name, String contentType, long sizeBytes, String status,
                                int chunks, Integer pages, String error, Instant createdAt, Instant indexedAt) {

    public static final String INDEXING = "indexing";
    public static final String READY = "ready";
    public static final String FAILED = "failed";
}
