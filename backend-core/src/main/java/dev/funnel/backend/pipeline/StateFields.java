package dev.funnel.backend.pipeline;

import dev.funnel.backend.http.Fields;

/**
 * A conversation's states (stage, intent, sentiment) given in a request, checked against the
 * pipeline's own values (with the synonyms the model may use) and returned as their canonical id.
 */
public final class StateFields {

    private StateFields() {
    }

    public static String stage(Fields fields, String name, String raw) {
        return fields.oneOf(name, raw, ConversationStage::parse, ConversationStage::id, ConversationStage.values());
    }

    public static String intentLevel(Fields fields, String name, String raw) {
        return fields.oneOf(name, raw, IntentLevel::parse, IntentLevel::id, IntentLevel.values());
    }

    public static String sentiment(Fields fields, String name, String raw) {
        return fields.oneOf(name, raw, Sentiment::parse, Sentiment::id, Sentiment.values());
    }
}
