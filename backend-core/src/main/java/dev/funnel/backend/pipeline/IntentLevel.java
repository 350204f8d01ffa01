package dev.funnel.backend.pipeline;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** How likely the lead is to buy, as the model judges it. */
public enum IntentLevel {
    UNKNOWN,
    LOW,
    MEDIUM,
    HIGH,
    VERY_HIGH;

    private static final Map<String, IntentLevel> SYNONYMS = Map.of(
            "unclear", UNKNOWN,
            "none", LOW,
            "med", MEDIUM,
            "moderate", MEDIUM,
            "veryhigh", VERY_HIGH,
            "very_strong", VERY_HIGH);

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<IntentLevel> parse(String value) {
        return LenientEnum.parse(value, values(), IntentLevel::id, SYNONYMS);
    }

    @JsonCreator
    static IntentLevel fromJson(String value) {
        return parse(value).orElseThrow(() ->
                LenientEnum.unknown(value, "intent level", values(), IntentLevel::id));
    }
}
