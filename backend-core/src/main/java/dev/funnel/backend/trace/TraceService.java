package dev.funnel.backend.trace;

import dev.funnel.backend.auth.Caller;
import dev.funnel.backend.auth.Tokens;
import dev.funnel.backend.conversations.ConversationRepository;
import dev.funnel.backend.db.Db;
import dev.funnel.backend.db.Tx;
import dev.funnel.backend.http.ApiException;
import dev.funnel.backend.http.Json;
import dev.funnel.backend.http.RequestParams;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.UUID;

/**
 * A conversation's bot turns and what each step of them saw, answered, took and cost. Mounted under
 * {@code /conversations}, next to the inbox's routes.
 */
public final class TraceService implements HttpService {

    private static final int MAX_TURNS = 200;

    private final Db db;
    private final Tokens tokens;
    private final TraceRepository traces;
    private final ConversationRepository conversations = new ConversationRepository();

    public TraceService(Db db, Tokens tokens, TraceRepository traces) {
        this.db = db;
        this.tokens = tokens;
        this.traces = traces;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/{id}/turns", this::turns)
                .get("/{id}/turns/{turnId}", this::turn);
    }

    private void turns(ServerRequest req, ServerResponse res) {
        Caller caller = tokens.caller(req);
        UUID id = RequestParams.uuid(req, "id");
        int limit = RequestParams.limit(req, 50, MAX_TURNS);
        Json.ok(res, db.inTransaction(tx -> {
            requireConversation(tx, caller, id);
            return traces.turns(tx, caller.organisationId(), id, limit).stream().map(Turn::summary).toList();
        }));
    }

    private void turn(ServerRequest req, ServerResponse res) {
        Caller caller = tokens.caller(req);
        UUID id = RequestParams.uuid(req, "id");
        UUID turnId = RequestParams.uuid(req, "turnId");
        Json.ok(res, db.inTransaction(tx -> {
            requireConversation(tx, caller, id);
            return traces.turn(tx, caller.organisationId(), id, turnId)
                    .orElseThrow(() -> ApiException.notFound("Turn"));
        }));
    }

    /** Another organisation's conversation is answered exactly like one that does not exist. */
    private void requireConversation(Tx tx, Caller caller, UUID id) {
        conversations.find(tx, caller.organisationId(), id).orElseThrow(() -> ApiException.notFound("Conversation"));
    }
}
