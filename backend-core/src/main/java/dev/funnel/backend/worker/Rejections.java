package dev.funnel.backend.worker;

import dev.funnel.backend.db.Db;
import dev.funnel.backend.db.Tx;
import dev.funnel.backend.organisations.OrganisationRepository;
import dev.funnel.backend.webhook.InboundMessage;
import dev.funnel.backend.webhook.MalformedWebhookException;
import dev.funnel.backend.webhook.ParsedWebhook;
import dev.funnel.backend.webhook.StatusUpdate;
import dev.funnel.backend.webhook.WebhookParser;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.UUID;
import java.util.logging.Logger;

/** Webhook bodies the worker could not use, kept with the reason instead of being dropped. */
public final class Rejections {

    private static final Logger LOG = Logger.getLogger(Rejections.class.getName());

    private final Db db;
    private final OrganisationRepository organisations = new OrganisationRepository();

    public Rejections(Db db) {
        this.db = db;
    }

    /**
     * A body that failed on every attempt: kept for the organisation it is addressed to when it can
     * still be read that far, so its people see it.
     */
    public void recordFailed(WebhookParser parser, byte[] body, int receiveCount, Instant now) {
        db.inTransactionRun(tx -> {
            UUID organisationId = null;
            try {
                ParsedWebhook parsed = parser.parse(body);
                organisationId = Stream.concat(parsed.messages().stream().map(InboundMessage::phoneNumberId),
                                parsed.statuses().stream().map(StatusUpdate::phoneNumberId))
                        .map(id -> organisations.route(tx, id))
                        .flatMap(Optional::stream)
                        .map(OrganisationRepository.Route::organisationId)
                        .findFirst().orElse(null);
            } catch (MalformedWebhookException e) {
                // not even readable: kept without an organisation
            }
            record(tx, organisationId, "Failed after " + (receiveCount - 1) + " attempts", receiveCount, body, now);
        });
    }

    public void record(UUID organisationId, String reason, int receiveCount, byte[] body, Instant now) {
        db.inTransactionRun(tx -> record(tx, organisationId, reason, receiveCount, body, now));
    }

    public void record(Tx tx, UUID organisationId, String reason, int receiveCount, byte[] body, Instant now) {
        LOG.warning(() -> "Rejected a webhook (" + body.length + " bytes, attempt " + receiveCount + "): " + reason);
        tx.update("""
                INSERT INTO rejected_webhooks (id, organisation_id, reason, receive_count, body, received_at)
                VALUES (?, ?, ?, ?, ?, ?)""", UUID.randomUUID(), organisationId, reason, receiveCount, body, now);
    }
}
