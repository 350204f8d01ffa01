package dev.funnel.backend.followups;

import dev.funnel.backend.audit.AuditLog;
import dev.funnel.backend.auth.Caller;
import dev.funnel.backend.auth.Tokens;
import dev.funnel.backend.conversations.ConversationRepository;
import dev.funnel.backend.db.Db;
import dev.funnel.backend.http.ApiException;
import dev.funnel.backend.http.Json;
import dev.funnel.backend.http.RequestParams;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A conversation's follow-ups, pending and past, and cancelling a pending one; always within the caller's organisation. */
public final class FollowupsService implements HttpService {

    private static final int MAX_PAGE = 500;

    private final Db db;
    private final Tokens tokens;
    private final Clock clock;
    private final FollowupRepository followups = new FollowupRepository();
    private final ConversationRepository conversations = new ConversationRepository();
    private final AuditLog audit = new AuditLog();

    public FollowupsService(Db db, Tokens tokens, Clock clock) {
        this.db = db;
        this.tokens = tokens;
        this.clock = clock;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/conversations/{id}/followups", this::list)
                .post("/followups/{id}/cancel", this::cancel);
    }

    private void list(ServerRequest req, ServerResponse res) {
        Caller caller = tokens.caller(req);
        UUID id = RequestParams.uuid(req, "id");
        int limit = RequestParams.limit(req, 100, MAX_PAGE);
        List<FollowupOut> out = db.inTransaction(tx -> {
            conversations.find(tx, caller.organisationId(), id).orElseThrow(() -> ApiException.notFound("Conversation"));
            return followups.list(tx, caller.organisationId(), id, limit).stream().map(FollowupOut::of).toList();
        });
        Json.ok(res, out);
    }

    private void cancel(ServerRequest req, ServerResponse res) {
        Caller caller = tokens.caller(req);
        UUID id = RequestParams.uuid(req, "id");
        Instant now = clock.instant();
        ScheduledAction cancelled = db.inTransaction(tx -> {
            ScheduledAction action = followups.lock(tx, caller.organisationId(), id)
                    .orElseThrow(() -> ApiException.notFound("Follow-up"));
            if (!"pending".equals(action.status())) {
                throw ApiException.conflict("Only a pending follow-up can be cancelled; this one is " + action.status());
            }
            followups.finish(tx, action, "cancelled", "cancelled by a person", now);
            audit.record(tx, caller.organisationId(), caller.userId(), "followup.cancel", "scheduled_action", id, now);
            return followups.find(tx, caller.organisationId(), id).orElseThrow();
        });
        Json.ok(res, FollowupOut.of(cancelled));
    }
}
