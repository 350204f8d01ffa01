package dev.funnel.backend.pipeline;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The lead's mood. The first five are the seed's set; the rest are what the original system
 * used in practice. Both are accepted, so prompts and stored rows from either keep working.
 */
public enum Sentiment {
    POSITIVE,
    NEUTRAL,
    HESITANT,
    NEGATIVE,
    CONFUSED,
    ANNOYED,
    DISTRUSTFUL,
    CURIOUS,
    DISAPPOINTED,
    UNINTERESTED;

    private static final Map<String, Sentiment> SYNONYMS = Map.ofEntries(
            Map.entry("happy", POSITIVE),
            Map.entry("interested", CURIOUS),
            Map.entry("unsure", HESITANT),
            Map.entry("hesitating", HESITANT),
            Map.entry("frustrated", ANNOYED),
            Map.entry("angry", ANNOYED),
            Map.entry("irritated", ANNOYED),
            Map.entry("skeptical", DISTRUSTFUL),
            Map.entry("sceptical", DISTRUSTFUL),
            Map.entry("not_interested", UNINTERESTED),
            Map.entry("disinterested", UNINTERESTED));

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Sentiment> parse(String value) {
        return LenientEnum.parse(value, values(), Sentiment::id, SYNONYMS);
    }

    @JsonCreator
    static Sentiment fromJson(String value) {
        return parse(value).orElseThrow(() ->
                LenientEnum.unknown(value, "sentiment", values(), Sentiment::id));
    }
}
