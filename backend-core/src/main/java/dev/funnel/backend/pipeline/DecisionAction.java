package dev.funnel.backend.pipeline;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Map;
import java.util.Optional;

/** What the decide step chose. Generate runs only for {@link #SEND_NOW}. */
public enum DecisionAction {
    SEND_NOW,
    WAIT_SCHEDULE,
    HANDOFF_HUMAN;

    private static final Map<String, DecisionAction> SYNONYMS = Map.of(
            "send", SEND_NOW,
            "reply", SEND_NOW,
            "respond", SEND_NOW,
            "wait", WAIT_SCHEDULE,
            "schedule", WAIT_SCHEDULE,
            "handoff", HANDOFF_HUMAN,
            "hand_off", HANDOFF_HUMAN,
            "hand_off_human", HANDOFF_HUMAN,
            "human", HANDOFF_HUMAN,
            "escalate", HANDOFF_HUMAN);

    /** Upper case on purpose: the seed's JSON contract and its stored rows spell actions so. */
    @JsonValue
    public String id() {
        return name();
    }

    public static Optional<DecisionAction> parse(String value) {
        return LenientEnum.parse(value, values(), DecisionAction::id, SYNONYMS);
    }

    @JsonCreator
    static DecisionAction fromJson(String value) {
        return parse(value).orElseThrow(() ->
                LenientEnum.unknown(value, "decision action", values(), DecisionAction::id));
    }
}
