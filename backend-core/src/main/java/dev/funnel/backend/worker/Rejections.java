package dev.funnel.backend.worker;

import dev.funnel.backend.db.Db;
import dev.funnel.backend.db.Tx;
import java.time.Instant;
import java.util.UUID;
import java.util.logging.Logger;

/** Webhook bodies the worker could not use, kept with the reason instead of being dropped. */
public final class Rejections {

    private static final Logger LOG = Logger.getLogger(Rejections.class.getName());

    private final Db db;

    public Rejections(Db db) {
        this.db = db;
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
