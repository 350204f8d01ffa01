package dev.funnel.backend.pipeline;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where a conversation stands in the funnel. Besides the happy path up to {@code closed}, a lead
 * can be {@code lost} (declined) or {@code ghosted} (stopped answering after the follow-ups).
 */
public enum ConversationStage {
    GREETING,
    QUALIFICATION,
    PRICING,
    CTA,
    CLOSED,
    LOST,
    GHOSTED;

    private static final Map<String, ConversationStage> SYNONYMS = Map.of(
            "greet", GREETING,
            "greetings", GREETING,
            "qualify", QUALIFICATION,
            "qualifying", QUALIFICATION,
            "price", PRICING,
            "call_to_action", CTA,
            "close", CLOSED,
            "won", CLOSED,
            "ghost", GHOSTED);

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ConversationStage> parse(String value) {
        return LenientEnum.parse(value, values(), ConversationStage::id, SYNONYMS);
    }

    @JsonCreator
    static ConversationStage fromJson(String value) {
        return parse(value).orElseThrow(() ->
                LenientEnum.unknown(value, "conversation stage", values(), ConversationStage::id));
    }
}
