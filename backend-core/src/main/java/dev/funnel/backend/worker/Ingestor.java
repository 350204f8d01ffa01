package dev.funnel.backend.worker;

import dev.funnel.backend.conversations.Conversation;
import dev.funnel.backend.conversations.ConversationEvents;
import dev.funnel.backend.conversations.ConversationRepository;
import dev.funnel.backend.conversations.ConversationRef;
import dev.funnel.backend.conversations.Message;
import dev.funnel.backend.conversations.MessageRepository;
import dev.funnel.backend.conversations.StatusRepository;
import dev.funnel.backend.db.Db;
import dev.funnel.backend.db.Tx;
import dev.funnel.backend.followups.FollowupRepository;
import dev.funnel.backend.leads.Lead;
import dev.funnel.backend.leads.LeadRepository;
import dev.funnel.backend.organisations.OrganisationRepository;
import dev.funnel.backend.templates.Template;
import dev.funnel.backend.templates.TemplateOut;
import dev.funnel.backend.templates.TemplateRepository;
import dev.funnel.backend.webhook.CardText;
import dev.funnel.backend.webhook.InboundMessage;
import dev.funnel.backend.webhook.MessageContent;
import dev.funnel.backend.webhook.ParsedWebhook;
import dev.funnel.backend.webhook.StatusUpdate;
import dev.funnel.backend.webhook.TemplateStatusUpdate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Stores everything a batch of webhooks carries in one transaction: lead messages (each exactly
 * once), delivery statuses (forward only) and template status events (applied to the templates).
 * Consoles hear about it after the commit; the conversations with new lead messages are returned for
 * their bot turns.
 */
public final class Ingestor {

    private static final Logger LOG = Logger.getLogger(Ingestor.class.getName());
    /** leads.phone: WhatsApp numbers have at most 15 digits; a business-scoped user id fits too. */
    private static final int MAX_ADDRESS = 32;

    /** What a stored webhook changed. */
    record Changes(List<Conversation> conversations, List<Arrival> arrivals, List<StatusChange> statuses,
                   Set<ConversationRef> turns, List<Template> templates) {
    }

    /** A parsed webhook with the raw body it came in, kept for the record of anything refused. */
    public record Received(ParsedWebhook webhook, byte[] body) {
    }

    record Arrival(Conversation conversation, Message message) {
    }

    record StatusChange(Conversation conversation, Message message) {
    }

    private final Db db;
    private final ConversationEvents events;
    private final Rejections rejections;
    private final Clock clock;
    private final OrganisationRepository organisations = new OrganisationRepository();
    private final LeadRepository leads = new LeadRepository();
    private final ConversationRepository conversations = new ConversationRepository();
    private final MessageRepository messages = new MessageRepository();
    private final StatusRepository statuses = new StatusRepository();
    private final FollowupRepository followups = new FollowupRepository();
    private final TemplateRepository templates = new TemplateRepository();

    public Ingestor(Db db, ConversationEvents events, Rejections rejections, Clock clock) {
        this.db = db;
        this.events = events;
        this.rejections = rejections;
        this.clock = clock;
    }

    /**
     * Stores the webhooks, all or none; returns the conversations whose lead wrote something new.
     * One commit for a whole batch is what lets a burst of webhooks through at the queue's pace.
     */
    public Set<ConversationRef> ingest(List<Received> batch) {
        Instant now = clock.instant();
        Changes changes = db.inTransaction(tx -> {
            Changes c = new Changes(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new LinkedHashSet<>(),
                    new ArrayList<>());
            for (Received received : batch) {
                ParsedWebhook webhook = received.webhook();
                for (InboundMessage message : webhook.messages()) {
                    storeMessage(tx, message, received.body(), now, c);
                }
                for (StatusUpdate status : webhook.statuses()) {
                    applyStatus(tx, status, now, c);
                }
                for (TemplateStatusUpdate update : webhook.templateUpdates()) {
                    recordTemplateStatus(tx, update, now, c);
                }
            }
            return c;
        });
        changes.arrivals().forEach(a -> events.messageCreated(a.conversation(), a.message()));
        changes.statuses().forEach(s -> events.messageStatus(s.conversation(), s.message()));
        changes.conversations().forEach(events::conversationUpdated);
        changes.templates().forEach(t -> events.bus().publish(t.organisationId(), TemplateOut.EVENT,
                TemplateOut.of(t)));
        return changes.turns();
    }

    private void storeMessage(Tx tx, InboundMessage in, byte[] body, Instant now, Changes changes) {
        Optional<OrganisationRepository.Route> route = organisations.route(tx, in.phoneNumberId());
        if (route.isEmpty()) {
            rejections.record(tx, null, "No organisation has WhatsApp phone number id " + in.phoneNumberId()
                    + " (message " + in.waMessageId() + ")", 1, body, now);
            return;
        }
        UUID orgId = route.get().organisationId();
        String phone = leadAddress(in);
        if (phone.length() > MAX_ADDRESS) {
            rejections.record(tx, orgId, "A message came from an address that is no WhatsApp number: "
                    + fit(phone, 60) + "...", 1, body, now);
            return;
        }
        Lead lead = leads.getOrCreate(tx, orgId, phone, fit(in.profileName(), 200), fit(in.contactUserId(), 100),
                route.get().simulated(), now);
        Conversation conversation = conversations.getOrCreate(tx, orgId, lead.id(), now);
        MessageRepository.Stored stored = messages.storeInbound(tx, conversation, inbound(in), now);
        if (!stored.inserted()) {
            return; // Meta's retry, or the queue's redelivery, of a message already stored
        }
        Instant at = in.timestamp() == null ? now : in.timestamp();
        conversations.recordLeadMessage(tx, conversation.id(), stored.message().content(), startsATurn(in.content()),
                at, now);
        followups.cancelPending(tx, conversation.id(), "the lead wrote", now);
        Conversation updated = conversations.find(tx, orgId, conversation.id()).orElseThrow();
        changes.arrivals().add(new Arrival(updated, stored.message()));
        changes.conversations().removeIf(c -> c.id().equals(updated.id()));
        changes.conversations().add(updated);
        if (startsATurn(in.content())) {
            changes.turns().add(new ConversationRef(orgId, conversation.id()));
        } else {
            messages.finishTurn(tx, List.of(stored.message()), "no_reply", now);
        }
    }

    private void applyStatus(Tx tx, StatusUpdate status, Instant now, Changes changes) {
        Optional<OrganisationRepository.Route> route = organisations.route(tx, status.phoneNumberId());
        if (route.isEmpty()) {
            LOG.fine(() -> "Status for unknown phone number id " + status.phoneNumberId() + " ignored");
            return;
        }
        UUID orgId = route.get().organisationId();
        StatusUpdate fitted = new StatusUpdate(status.phoneNumberId(), fit(status.waMessageId(), 200),
                fit(status.status(), 20), status.timestamp(), status.recipientId(), status.errors(),
                status.pricingCategory(), status.billable(), status.bizOpaqueCallbackData(), status.conversationId());
        for (Message changed : statuses.apply(tx, orgId, fitted, now)) {
            conversations.find(tx, orgId, changed.conversationId())
                    .ifPresent(c -> changes.statuses().add(new StatusChange(c, changed)));
        }
    }

    /** Kept as received, and applied to the organisation's template it names. */
    private void recordTemplateStatus(Tx tx, TemplateStatusUpdate update, Instant now, Changes changes) {
        UUID orgId = tx.queryOne("SELECT organisation_id FROM whatsapp_integrations WHERE business_account_id = ?",
                rs -> Tx.uuid(rs, "organisation_id"), update.businessAccountId()).orElse(null);
        String reason = "NONE".equals(update.reason()) ? null : fit(update.reason(), 2000);
        tx.update("""
                INSERT INTO template_status_events (id, organisation_id, business_account_id, meta_template_id,
                    template_name, language, event, reason, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                UUID.randomUUID(), orgId, fit(update.businessAccountId(), 64), fit(update.templateId(), 64),
                fit(update.templateName(), 512), fit(update.language(), 20), fit(update.event(), 40),
                fit(update.reason(), 2000), now);
        if (orgId != null) {
            changes.templates().addAll(templates.applyStatus(tx, orgId, fit(update.templateId(), 64),
                    fit(update.templateName(), 512), fit(update.language(), 20),
                    fit(Template.statusAfter(update.event()), 20), reason, now));
        }
    }

    /**
     * Reactions, edits, revocations and system notices are kept in the conversation, but a lead
     * removing a reaction is no reason for the bot to speak, nor for the unread badge to count.
     */
    private static boolean startsATurn(MessageContent content) {
        return !(content instanceof MessageContent.Reaction
                || content instanceof MessageContent.Revoke
                || content instanceof MessageContent.Edit
                || content instanceof MessageContent.SystemEvent);
    }

    /** The lead's WhatsApp number; a business-scoped user id stands in when Meta hides the number. */
    private static String leadAddress(InboundMessage in) {
        if (in.from() != null) {
            return in.from();
        }
        return in.contactWaId() != null ? in.contactWaId() : "user:" + in.contactUserId();
    }

    private static MessageRepository.Inbound inbound(InboundMessage in) {
        String mediaId = null;
        String mime = null;
        String filename = null;
        if (in.content() instanceof MessageContent.Media media) {
            mediaId = media.mediaId();
            mime = media.mimeType();
            filename = media.filename();
        }
        String reactsTo = null;
        String emoji = null;
        if (in.content() instanceof MessageContent.Reaction reaction) {
            reactsTo = reaction.messageId();
            emoji = reaction.emoji();
        }
        return new MessageRepository.Inbound(fit(in.waMessageId(), 200), in.dedupKey(),
                in.type() == null ? "unknown" : fit(in.type(), 30), fit(in.displayText(), 20_000), fit(in.rawJson(), 1_000_000),
                in.context() == null ? null : fit(in.context().id(), 200), in.timestamp(), fit(mediaId, 200),
                fit(mime, 200), fit(filename, 500), fit(reactsTo, 200), fit(emoji, 64),
                fit(CardText.locationUrl(in.content()), 1000), fit(CardText.contactLines(in.content()), 20_000));
    }

    /**
     * Makes a webhook value fit its column: a body with an absurd field is still stored instead of
     * failing its transaction on every retry. NUL characters go too: PostgreSQL text cannot hold them.
     */
    static String fit(String value, int max) {
        if (value == null) {
            return null;
        }
        String clean = value.indexOf('\0') >= 0 ? value.replace("\0", "") : value;
        return clean.length() <= max ? clean : clean.substring(0, max);
    }
}
