package dev.funnel.backend.pipeline;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** How risky the analysis finds a conversation on one axis (spam, policy, hallucination). */
public enum RiskLevel {
    LOW,
    MEDIUM,
    HIGH;

    private static final Map<String, RiskLevel> SYNONYMS = Map.of(
            "none", LOW,
            "med", MEDIUM,
            "moderate", MEDIUM,
            "very_high", HIGH);

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<RiskLevel> parse(String value) {
        return LenientEnum.parse(value, values(), RiskLevel::id, SYNONYMS);
    }

    @JsonCreator
    static RiskLevel fromJson(String value) {
        return parse(value).orElseThrow(() ->
                LenientEnum.unknown(value, "risk level", values(), RiskLevel::id));
    }
}
