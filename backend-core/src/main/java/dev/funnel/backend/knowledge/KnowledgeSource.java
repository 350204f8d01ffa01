package dev.funnel.backend.knowledge;

import java.util.UUID;

/** A snippet the generate step was given, as a turn's trace lists it: the chunk's opening, not all of it. */
public record KnowledgeSource(UUID documentId, String documentName, int chunkIndex, Integer page, double score,
                              String excerpt) {

    private static final int EXCERPT_CHARS = 300;

    public static KnowledgeSource of(KnowledgeHit hit) {
        String text = hit.text().strip();
        String excerpt = text.length() <= EXCERPT_CHARS ? text : text.substring(0, EXCERPT_CHARS).strip() + "…";
        return new KnowledgeSource(hit.documentId(), hit.documentName(), hit.chunkIndex(), hit.page(), hit.score(),
                excerpt);
    }
}
