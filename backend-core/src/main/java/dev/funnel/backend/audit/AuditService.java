package dev.funnel.backend.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.funnel.backend.auth.Caller;
import dev.funnel.backend.auth.Tokens;
import dev.funnel.backend.db.Db;
import dev.funnel.backend.http.Json;
import dev.funnel.backend.http.RequestParams;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Instant;
import java.util.UUID;

/** {@code GET /audit-log}: who did what in the organisation, and when; for its admins. */
public final class AuditService implements HttpService {

    private static final int MAX_PAGE = 500;

    record EntryOut(UUID id, UUID userId, String userName, String action, String entityType, String entityId,
                    JsonNode details, Instant createdAt) {
        static EntryOut of(AuditLog.Entry e) {
            return new EntryOut(e.id(), e.userId(), e.userName(), e.action(), e.entityType(), e.entityId(),
                    e.details() == null ? null : Json.tree(e.details()), e.createdAt());
        }
    }

    private final Db db;
    private final Tokens tokens;
    private final AuditLog audit = new AuditLog();

    public AuditService(Db db, Tokens tokens) {
        this.db = db;
        this.tokens = tokens;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::list);
    }

    /** Query: action, user_id, from and to (ISO-8601 instants, to exclusive), limit and offset. */
    private void list(ServerRequest req, ServerResponse res) {
        Caller caller = tokens.caller(req).requireAdmin("read the audit log");
        AuditLog.Filter filter = new AuditLog.Filter(
                req.query().first("action").filter(a -> !a.isBlank()).orElse(null),
                RequestParams.queryUuid(req, "user_id").orElse(null),
                RequestParams.queryInstant(req, "from").orElse(null),
                RequestParams.queryInstant(req, "to").orElse(null),
                RequestParams.limit(req, 100, MAX_PAGE),
                RequestParams.offset(req));
        Json.ok(res, db.inTransaction(tx -> audit.list(tx, caller.organisationId(), filter)).stream()
                .map(EntryOut::of).toList());
    }
}
