package dev.funnel.backend.whatsapp;

import dev.funnel.backend.conversations.Conversation;
import dev.funnel.backend.conversations.ConversationEvents;
import dev.funnel.backend.conversations.ConversationRepository;
import dev.funnel.backend.conversations.Message;
import dev.funnel.backend.conversations.MessageRepository;
import dev.funnel.backend.db.Db;
import dev.funnel.backend.security.TokenCipher;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Delivers a message that is already recorded (status {@code queued}): through the Graph API for a
 * real lead, or back to the console's simulator for a simulated one. The outcome is stored and
 * announced to consoles.
 */
public final class OutboundSender {

    private static final Logger LOG = Logger.getLogger(OutboundSender.class.getName());

    private final Db db;
    private final GraphApiClient graph;
    private final TokenCipher cipher;
    private final ConversationEvents events;
    private final Clock clock;
    private final IntegrationRepository integrations = new IntegrationRepository();
    private final MessageRepository messages = new MessageRepository();
    private final ConversationRepository conversations = new ConversationRepository();

    public OutboundSender(Db db, GraphApiClient graph, TokenCipher cipher, ConversationEvents events, Clock clock) {
        this.db = db;
        this.graph = graph;
        this.cipher = cipher;
        this.events = events;
        this.clock = clock;
    }

    /** Sends the recorded message unless it already left; returns it with its final status. */
    public Message deliver(Conversation conversation, Message recorded) {
        if (!"queued".equals(recorded.status())) {
            return recorded;
        }
        String waMessageId;
        String failureCode = null;
        String failureTitle = null;
        if (conversation.simulated()) {
            waMessageId = "wamid.sim." + UUID.randomUUID();
        } else {
            Optional<Integration> integration = db.inTransaction(tx -> integrations.find(tx, conversation.organisationId()));
            waMessageId = null;
            if (integration.isEmpty() || !"connected".equals(integration.get().status())) {
                failureTitle = "WhatsApp is not connected: connect your number in Settings, then resend";
            } else {
                try {
                    waMessageId = graph.sendText(integration.get().phoneNumberId(),
                            cipher.decrypt(integration.get().accessTokenEncrypted()), conversation.leadPhone(),
                            recorded.content(), null);
                } catch (WhatsAppApiException e) {
                    LOG.warning(() -> "Send failed for conversation " + conversation.id() + ": " + e.getMessage());
                    failureCode = e.code();
                    failureTitle = e.title();
                }
            }
        }
        Instant now = clock.instant();
        String sentId = waMessageId;
        String code = failureCode;
        String title = failureTitle;
        Message updated = db.inTransaction(tx -> {
            if (sentId != null) {
                // a simulated lead "receives" at once: there is no phone to report delivery later
                messages.markSent(tx, recorded.id(), sentId, conversation.simulated() ? "delivered" : "sent", now);
            } else {
                messages.markFailed(tx, recorded.id(), code, title, now);
            }
            conversations.recordOutboundMessage(tx, conversation.id(), recorded.content(),
                    "bot".equals(recorded.messageFrom()), now);
            return messages.find(tx, conversation.organisationId(), recorded.id()).orElseThrow();
        });
        events.messageCreated(conversation, updated);
        db.inTransaction(tx -> conversations.find(tx, conversation.organisationId(), conversation.id()))
                .ifPresent(events::conversationUpdated);
        return updated;
    }
}
