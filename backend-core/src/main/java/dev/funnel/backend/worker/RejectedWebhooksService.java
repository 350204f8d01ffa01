package dev.funnel.backend.worker;

import dev.funnel.backend.auth.Caller;
import dev.funnel.backend.auth.Tokens;
import dev.funnel.backend.db.Db;
import dev.funnel.backend.db.Tx;
import dev.funnel.backend.http.Json;
import dev.funnel.backend.http.RequestParams;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code GET /webhooks/rejected}: the webhooks this organisation lost nothing to — the ones the
 * worker could not use, with the reason. Bodies that could not be tied to any organisation are only
 * counted: they may belong to someone else.
 */
public final class RejectedWebhooksService implements HttpService {

    record RejectedOut(UUID id, String reason, int receiveCount, int size, Instant receivedAt) {
    }

    record ListOut(List<RejectedOut> items, int unattributedCount) {
    }

    private final Db db;
    private final Tokens tokens;

    public RejectedWebhooksService(Db db, Tokens tokens) {
        this.db = db;
        this.tokens = tokens;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/rejected", this::list);
    }

    private void list(ServerRequest req, ServerResponse res) {
        Caller caller = tokens.caller(req);
        int limit = RequestParams.limit(req, 100, 500);
        Json.ok(res, db.inTransaction(tx -> new ListOut(items(tx, caller.organisationId(), limit), unattributed(tx))));
    }

    private static List<RejectedOut> items(Tx tx, UUID organisationId, int limit) {
        return tx.query("""
                SELECT id, reason, receive_count, OCTET_LENGTH(body) AS size, received_at FROM rejected_webhooks
                WHERE organisation_id = ? ORDER BY received_at DESC LIMIT ?""",
                rs -> new RejectedOut(Tx.uuid(rs, "id"), rs.getString("reason"), rs.getInt("receive_count"),
                        rs.getInt("size"), Tx.instant(rs, "received_at")), organisationId, limit);
    }

    private static int unattributed(Tx tx) {
        return tx.queryOne("SELECT COUNT(*) AS n FROM rejected_webhooks WHERE organisation_id IS NULL",
                rs -> rs.getInt("n")).orElse(0);
    }
}
