package dev.funnel.console.knowledge;

import dev.funnel.console.backend.KnowledgeDocument;
import dev.funnel.console.backend.TestData;

/** Knowledge documents as the backend answers them. */
final class Documents {

    private Documents() {
    }

    static KnowledgeDocument indexing(String id, String name) {
        return new KnowledgeDocument(id, name, "text/markdown", 2150, KnowledgeDocument.INDEXING, 0, null, null,
                TestData.NOW, null);
    }

    static KnowledgeDocument ready(String id, String name, int chunks) {
        return new KnowledgeDocument(id, name, "application/pdf", 48_000, KnowledgeDocument.READY, chunks, 3, null,
                TestData.NOW, TestData.NOW);
    }

    static KnowledgeDocument failed(String id, String name, String error) {
        return new KnowledgeDocument(id, name, "application/pdf", 48_000, KnowledgeDocument.FAILED, 0, null, error,
                TestData.NOW, TestData.NOW);
    }
}
