package dev.funnel.backend.leads;

import java.util.Arrays;
import java.util.Optional;

/**
 * The fields of a lead a person may change, with their JSON name and column. The state fields
 * (stage, intent, sentiment) are the conversation's too: changing them changes both rows.
 */
public enum LeadField {
    NAME("name", "name", false),
    EMAIL("email", "email", false),
    COMPANY("company", "company", false),
    STAGE("stage", "stage", true),
    INTENT_LEVEL("intent_level", "intent_level", true),
    SENTIMENT("sentiment", "user_sentiment", true);

    private final String json;
    private final String column;
    private final boolean conversationState;

    LeadField(String json, String column, boolean conversationState) {
        this.json = json;
        this.column = column;
        this.conversationState = conversationState;
    }

    public String json() {
        return json;
    }

    String column() {
        return column;
    }

    boolean conversationState() {
        return conversationState;
    }

    public static Optional<LeadField> byJson(String name) {
        return Arrays.stream(values()).filter(f -> f.json.equals(name)).findFirst();
    }
}
