package dev.funnel.backend.knowledge;

import java.util.List;

/** An organisation's knowledge base as the pipeline asks it: the snippets worth showing the model for a question. */
@FunctionalInterface
public interface KnowledgeLookup {

    /** No knowledge base: nothing is ever found. */
    KnowledgeLookup NONE = question -> List.of();

    /** The best snippets for {@code question}, best first; empty when none is close enough. */
    List<KnowledgeHit> find(String question);
}
