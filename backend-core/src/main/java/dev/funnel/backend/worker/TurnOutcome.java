package dev.funnel.backend.worker;

import dev.funnel.backend.conversations.Conversation;
import dev.funnel.backend.conversations.ConversationRepository;
import dev.funnel.backend.conversations.Message;
import dev.funnel.backend.conversations.MessageRepository;
import dev.funnel.backend.db.Tx;
import dev.funnel.backend.pipeline.Decision;
import dev.funnel.backend.pipeline.PipelineResult;
import dev.funnel.backend.trace.TraceRepository;
import dev.funnel.backend.whatsapp.GraphApiClient;
import java.time.Instant;

/**
 * What the decide step's action turns into, inside the turn's transaction: a recorded reply to send,
 * a handoff to a person, or a decision to wait. The conversation row is locked by the caller, so a
 * takeover that landed while the model was thinking is seen here and silences the reply.
 */
record TurnOutcome(Conversation conversation, Message reply, String attentionReason) {

    TurnOutcome withConversation(Conversation updated) {
        return new TurnOutcome(updated, reply, attentionReason);
    }

    static TurnOutcome decide(Tx tx, TraceRepository traces, ConversationRepository conversations,
                              MessageRepository messages, Conversation current, Message inbound,
                              PipelineResult result, String replyKey, Instant now) {
        Decision decision = result.decision();
        switch (decision.action()) {
            case SEND_NOW -> {
                String text = result.message().orElseThrow().messageText();
                if (current.inHumanMode()) {
                    traces.recordOutcome(tx, current.organisationId(), current.id(), inbound.id(), "reply_suppressed",
                            "A person took over while the bot was answering; its reply was not sent", now);
                    return new TurnOutcome(current, null, null);
                }
                if (text.length() > GraphApiClient.MAX_TEXT_LENGTH) {
                    return handOff(tx, traces, conversations, current, inbound,
                            "The bot wrote a reply too long for WhatsApp: please reply yourself", now);
                }
                return new TurnOutcome(current,
                        messages.recordOutbound(tx, current, "bot", text, null, replyKey, null, now), null);
            }
            case HANDOFF_HUMAN -> {
                return handOff(tx, traces, conversations, current, inbound,
                        "The bot handed this conversation to a person: " + decision.why(), now);
            }
            case WAIT_SCHEDULE -> {
                traces.recordOutcome(tx, current.organisationId(), current.id(), inbound.id(), "wait_decided",
                        "The bot chose to wait " + decision.followupInMinutes() + " min: " + decision.why(), now);
                return new TurnOutcome(current, null, null);
            }
            default -> throw new IllegalStateException("Unknown action " + decision.action());
        }
    }

    private static TurnOutcome handOff(Tx tx, TraceRepository traces, ConversationRepository conversations,
                                       Conversation current, Message inbound, String reason, Instant now) {
        traces.recordOutcome(tx, current.organisationId(), current.id(), inbound.id(), "handoff", reason, now);
        conversations.flag(tx, current.id(), reason, true, now);
        return new TurnOutcome(current, null, reason);
    }
}
