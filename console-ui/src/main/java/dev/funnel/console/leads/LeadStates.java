package dev.funnel.console.leads;

import java.util.List;

/** The backend's ids for a lead's stage, intent level and sentiment, and how the console names them. */
public final class LeadStates {

    public static final List<String> STAGES =
            List.of("greeting", "qualification", "pricing", "cta", "closed", "lost", "ghosted");
    public static final List<String> INTENT_LEVELS = List.of("unknown", "low", "medium", "high", "very_high");
    public static final List<String> SENTIMENTS = List.of("positive", "neutral", "hesitant", "negative", "confused",
            "annoyed", "distrustful", "curious", "disappointed", "uninterested");

    private LeadStates() {
    }

    /** "very_high" → "Very high", "cta" → "Call to action"; "" for null. */
    public static String label(String id) {
        if (id == null || id.isEmpty()) {
            return "";
        }
        if (id.equals("cta")) {
            return "Call to action";
        }
        String words = id.replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
