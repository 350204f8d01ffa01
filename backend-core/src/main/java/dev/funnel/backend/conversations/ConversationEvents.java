package dev.funnel.backend.conversations;

import dev.funnel.backend.events.EventBus;
import dev.funnel.backend.ctas.Cta;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The live events about conversations and messages, named as consoles expect them. */
public final class ConversationEvents {

    public static final String CONVERSATION_UPDATED = "conversation_updated";
    public static final String MESSAGE_CREATED = "message_created";
    public static final String MESSAGE_STATUS = "message_status";
    public static final String TAKEOVER_STARTED = "takeover_started";
    public static final String TAKEOVER_ENDED = "takeover_ended";
    public static final String CONVERSATIONS_FLAGGED = "action_conversations_flagged";
    public static final String HUMAN_ATTENTION_REQUIRED = "action_human_attention_required";
    public static final String CTA_INITIATED = "action_cta_initiated";

    private final EventBus bus;

    public ConversationEvents(EventBus bus) {
        this.bus = bus;
    }

    public EventBus bus() {
        return bus;
    }

    public void conversationUpdated(Conversation c) {
        bus.publish(c.organisationId(), CONVERSATION_UPDATED, ConversationOut.of(c));
    }

    public void messageCreated(Conversation c, Message m) {
        bus.publish(c.organisationId(), MESSAGE_CREATED, MessageOut.of(m, c.simulated()));
    }

    public void messageStatus(Conversation c, Message m) {
        bus.publish(c.organisationId(), MESSAGE_STATUS, MessageOut.of(m, c.simulated()));
    }

    public void takeover(Conversation c, boolean started) {
        bus.publish(c.organisationId(), started ? TAKEOVER_STARTED : TAKEOVER_ENDED, ConversationOut.of(c));
    }

    public void ctaInitiated(Conversation c, Cta cta, Instant at) {
        bus.publish(c.organisationId(), CTA_INITIATED, Map.of("conversation_id", c.id(), "cta_id", cta.id(),
                "cta_name", cta.name(), "cta_type", cta.type(), "at", at.toString()));
    }

    /**
     * The conversation was just flagged for a person (a handoff, a failure the bot cannot get past, a
     * closed 24-hour window): lists learn of the flag, and the operator is alerted.
     */
    public void flagged(Conversation c, String reason) {
        bus.publish(c.organisationId(), CONVERSATIONS_FLAGGED,
                Map.of("conversation_ids", List.of(c.id()), "reason", reason));
        bus.publish(c.organisationId(), HUMAN_ATTENTION_REQUIRED,
                Map.of("conversation_id", c.id(), "reason", reason, "lead_name",
                        c.leadName() == null ? c.leadPhone() : c.leadName()));
    }
}
