package dev.funnel.backend.whatsapp;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.funnel.backend.conversations.Conversation;
import dev.funnel.backend.conversations.ConversationEvents;
import dev.funnel.backend.conversations.ConversationRepository;
import dev.funnel.backend.conversations.Message;
import dev.funnel.backend.conversations.MessageRepository;
import dev.funnel.backend.db.Db;
import dev.funnel.backend.http.Json;
import dev.funnel.backend.security.TokenCipher;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.logging.Logger;

/**
 * Delivers a message that is already recorded (status {@code queued}): through the Graph API for a
 * real lead, or back to the console's simulator for a simulated one. The outcome is stored and
 * announced to consoles; Meta's refusals are handled as WHATSAPP.md says (the Graph client has already
 * retried the passing ones).
 */
public final class OutboundSender {

    /** Sent to an organisation's consoles when Meta no longer accepts its number's access token. */
    public static final String INTEGRATION_DISCONNECTED = "integration_disconnected";

    static final String NOT_CONNECTED = "WhatsApp is not connected: connect your number in Settings, then resend";
    static final String WINDOW_CLOSED_REASON = "WhatsApp refused a message because the lead last wrote more than "
            + "24 hours ago: only an approved template can reach them until they write again";

    /** The message type of a recorded template message. */
    public static final String TEMPLATE = "template";

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

    /** How a send ended: Meta's message id, or why it failed. */
    private record Outcome(String waMessageId, String errorCode, String errorTitle, WhatsAppApiException.Kind failure) {

        static Outcome sent(String waMessageId) {
            return new Outcome(waMessageId, null, null, null);
        }

        static Outcome failed(WhatsAppApiException e) {
            return new Outcome(null, e.code(), e.title(), e.kind());
        }
    }

    /**
     * Sends the recorded message unless it already left; returns it with its final status. Outside the
     * 24-hour window the message fails and a person is asked to step in (who may answer with an approved
     * template, a message of type {@link #TEMPLATE}); an invalid token also disconnects the number.
     */
    public Message deliver(Conversation conversation, Message recorded) {
        if (!"queued".equals(recorded.status())) {
            return recorded;
        }
        Outcome outcome = conversation.simulated()
                ? Outcome.sent("wamid.sim." + UUID.randomUUID())
                : sendThroughMeta(conversation, recorded);
        boolean windowClosed = outcome.failure() == WhatsAppApiException.Kind.WINDOW_CLOSED;
        Instant now = clock.instant();
        record Delivered(Message message, Optional<Conversation> conversation) {
        }
        Delivered delivered = db.inTransaction(tx -> {
            if (outcome.waMessageId() != null) {
                // a simulated lead "receives" at once: there is no phone to report delivery later
                messages.markSent(tx, recorded.id(), outcome.waMessageId(),
                        conversation.simulated() ? "delivered" : "sent", now);
            } else {
                messages.markFailed(tx, recorded.id(), outcome.errorCode(), outcome.errorTitle(), now);
            }
            if (windowClosed) {
                conversations.flag(tx, conversation.id(), WINDOW_CLOSED_REASON, false, now);
            }
            conversations.recordOutboundMessage(tx, conversation.id(), recorded.content(),
                    "bot".equals(recorded.messageFrom()), now);
            return new Delivered(messages.find(tx, conversation.organisationId(), recorded.id()).orElseThrow(),
                    conversations.find(tx, conversation.organisationId(), conversation.id()));
        });
        Message updated = delivered.message();
        events.messageCreated(conversation, updated);
        Optional<Conversation> current = delivered.conversation();
        current.ifPresent(events::conversationUpdated);
        if (windowClosed) {
            current.ifPresent(c -> events.flagged(c, WINDOW_CLOSED_REASON));
        }
        return updated;
    }

    /**
     * Marks the latest of the lead's pending messages read and shows them "typing…" while the bot
     * works on its answer. A courtesy only: any failure is logged and the caller goes on.
     */
    public void showTyping(Conversation conversation, List<Message> pending) {
        Optional<String> latest = pending.reversed().stream().map(Message::waMessageId).filter(Objects::nonNull)
                .findFirst();
        if (conversation.simulated() || latest.isEmpty()) {
            return;
        }
        try {
            connectedNumber(conversation.organisationId()).ifPresent(integration -> asNumber(integration,
                    (number, token) -> graph.markReadAndShowTyping(number, token, latest.get())));
        } catch (RuntimeException e) {
            LOG.warning(() -> "Could not mark the lead's message read in conversation " + conversation.id() + ": "
                    + e.getMessage());
        }
    }

    private Outcome sendThroughMeta(Conversation conversation, Message recorded) {
        Optional<Integration> integration = connectedNumber(conversation.organisationId());
        if (integration.isEmpty()) {
            return new Outcome(null, null, NOT_CONNECTED, WhatsAppApiException.Kind.PERMANENT);
        }
        try {
            if (TEMPLATE.equals(recorded.messageType())) {
                TemplateMessage template = template(recorded);
                return Outcome.sent(asNumber(integration.get(), (number, token) -> graph.sendTemplate(number, token,
                        conversation.leadPhone(), template, recorded.replyToWaId())));
            }
            return Outcome.sent(asNumber(integration.get(), (number, token) -> graph.sendText(number, token,
                    conversation.leadPhone(), recorded.content(), recorded.replyToWaId())));
        } catch (WhatsAppApiException e) {
            LOG.warning(() -> "Send failed for conversation " + conversation.id() + ": " + e.getMessage());
            return Outcome.failed(e);
        }
    }

    /** A template message keeps what is sent (the template and its values) as its payload. */
    private TemplateMessage template(Message recorded) {
        String json = db.inTransaction(tx -> messages.payload(tx, recorded.organisationId(), recorded.id()))
                .orElseThrow();
        try {
            return Json.MAPPER.readValue(json, TemplateMessage.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Template message " + recorded.id() + " has no readable template", e);
        }
    }

    private Optional<Integration> connectedNumber(UUID organisationId) {
        return db.inTransaction(tx -> integrations.find(tx, organisationId)).filter(Integration::connected);
    }

    /** Calls Meta as the organisation's number; a refused token disconnects the number before the error goes on. */
    private <T> T asNumber(Integration integration, BiFunction<String, String, T> call) {
        try {
            return call.apply(integration.phoneNumberId(), cipher.decrypt(integration.accessTokenEncrypted()));
        } catch (WhatsAppApiException e) {
            if (e.kind() == WhatsAppApiException.Kind.TOKEN_INVALID) {
                disconnect(integration, e);
            }
            throw e;
        }
    }

    private void disconnect(Integration integration, WhatsAppApiException e) {
        UUID organisationId = integration.organisationId();
        String reason = "Meta no longer accepts the access token (" + e.title()
                + "): reconnect your number in Settings with a new token";
        if (db.inTransaction(tx -> integrations.disconnect(tx, organisationId, reason, clock.instant()))) {
            LOG.warning(() -> "WhatsApp disconnected for organisation " + organisationId + ": " + e.getMessage());
            events.bus().publish(organisationId, INTEGRATION_DISCONNECTED,
                    Map.of("phone_number_id", integration.phoneNumberId(), "reason", reason));
        }
    }
}
