package dev.funnel.backend.conversations;

import dev.funnel.backend.audit.AuditLog;
import dev.funnel.backend.auth.Caller;
import dev.funnel.backend.auth.Tokens;
import dev.funnel.backend.db.Db;
import dev.funnel.backend.followups.FollowupRepository;
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
import java.util.Set;
import java.util.UUID;

/** The inbox: conversations, their messages, and taking a conversation over from the bot. */
public final class ConversationsService implements HttpService {

    private static final int MAX_PAGE = 500;

    private final Db db;
    private final Tokens tokens;
    private final ConversationEvents events;
    private final Clock clock;
    private final ConversationRepository conversations = new ConversationRepository();
    private final MessageRepository messages = new MessageRepository();
    private final FollowupRepository followups = new FollowupRepository();
    private final AuditLog audit = new AuditLog();

    public ConversationsService(Db db, Tokens tokens, ConversationEvents events, Clock clock) {
        this.db = db;
        this.tokens = tokens;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::list)
                .get("/{id}/messages", this::messages)
                .post("/{id}/takeover", (req, res) -> setMode(req, res, "human"))
                .post("/{id}/release", (req, res) -> setMode(req, res, "bot"));
    }

    private void list(ServerRequest req, ServerResponse res) {
        Caller caller = tokens.caller(req);
        String mode = req.query().first("mode").orElse(null);
        if (mode != null && !Set.of("bot", "human").contains(mode)) {
            throw ApiException.badRequest("mode must be 'bot' or 'human'");
        }
        Boolean needsAttention = req.query().first("needs_attention").map(Boolean::parseBoolean).orElse(null);
        int limit = RequestParams.limit(req, 200, MAX_PAGE);
        List<ConversationOut> out = db.inTransaction(tx -> conversations
                .list(tx, caller.organisationId(), new ConversationRepository.Filter(mode, needsAttention, limit)))
                .stream().map(ConversationOut::of).toList();
        Json.ok(res, out);
    }

    private void messages(ServerRequest req, ServerResponse res) {
        Caller caller = tokens.caller(req);
        UUID id = RequestParams.uuid(req, "id");
        int limit = RequestParams.limit(req, 200, MAX_PAGE);
        List<MessageOut> out = db.inTransaction(tx -> {
            Conversation c = conversations.find(tx, caller.organisationId(), id)
                    .orElseThrow(() -> ApiException.notFound("Conversation"));
            return messages.list(tx, caller.organisationId(), id, limit).stream()
                    .map(m -> MessageOut.of(m, c.simulated())).toList();
        });
        Json.ok(res, out);
    }

    private void setMode(ServerRequest req, ServerResponse res, String mode) {
        Caller caller = tokens.caller(req);
        UUID id = RequestParams.uuid(req, "id");
        Instant now = clock.instant();
        Conversation updated = db.inTransaction(tx -> {
            conversations.lock(tx, caller.organisationId(), id).orElseThrow(() -> ApiException.notFound("Conversation"));
            boolean human = "human".equals(mode);
            conversations.setMode(tx, id, mode, human ? caller.userId() : null, now);
            if (human) {
                followups.cancelPending(tx, id, "a person took over the conversation", now);
            }
            audit.record(tx, caller.organisationId(), caller.userId(),
                    human ? "conversation.takeover" : "conversation.release", "conversation", id, now);
            return conversations.find(tx, caller.organisationId(), id).orElseThrow();
        });
        events.takeover(updated, "human".equals(mode));
        events.conversationUpdated(updated);
        Json.ok(res, ConversationOut.of(updated));
    }
}
