package dev.funnel.backend.conversations;

import dev.funnel.backend.audit.AuditLog;
import dev.funnel.backend.auth.Caller;
import dev.funnel.backend.auth.Tokens;
import dev.funnel.backend.db.Db;
import dev.funnel.backend.db.Tx;
import dev.funnel.backend.followups.FollowupRepository;
import dev.funnel.backend.http.ApiException;
import dev.funnel.backend.http.Fields;
import dev.funnel.backend.http.Json;
import dev.funnel.backend.http.RequestParams;
import dev.funnel.backend.pipeline.StateFields;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The inbox: conversations, their messages, and taking a conversation over from the bot. */
public final class ConversationsService implements HttpService {

    private static final int MAX_PAGE = 500;
    static final String TOTAL_HEADER = "X-Total-Count";

    /** What a person may change; absent fields stay as they are. */
    record UpdateRequest(String stage, Boolean needsAttention) {
    }

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
                .patch("/{id}", this::update)
                .get("/{id}/messages", this::messages)
                .post("/{id}/takeover", (req, res) -> setMode(req, res, "human"))
                .post("/{id}/release", (req, res) -> setMode(req, res, "bot"))
                .post("/{id}/read", this::markRead);
    }

    /**
     * The inbox, latest message first: a plain array as consoles have always read it, a page of it
     * with {@code limit} and {@code offset}, and how many match in all in {@value #TOTAL_HEADER}.
     */
    private void list(ServerRequest req, ServerResponse res) {
        Caller caller = tokens.caller(req);
        Fields fields = new Fields();
        String mode = query(req, "mode");
        fields.check(mode == null || Set.of("bot", "human").contains(mode), "mode must be 'bot' or 'human'");
        String needsAttention = query(req, "needs_attention");
        fields.check(needsAttention == null || Set.of("true", "false").contains(needsAttention),
                "needs_attention must be true or false");
        ConversationRepository.Filter filter = new ConversationRepository.Filter(mode,
                StateFields.stage(fields, "stage", query(req, "stage")),
                StateFields.intentLevel(fields, "intent_level", query(req, "intent_level")),
                needsAttention == null ? null : Boolean.valueOf(needsAttention), query(req, "q"));
        fields.validate();
        int limit = RequestParams.limit(req, 200, MAX_PAGE);
        int offset = RequestParams.offset(req);
        record Page(List<ConversationOut> items, int total) {
        }
        Page page = db.inTransaction(tx -> new Page(
                conversations.list(tx, caller.organisationId(), filter, limit, offset).stream()
                        .map(ConversationOut::of).toList(),
                conversations.count(tx, caller.organisationId(), filter)));
        res.header(TOTAL_HEADER, String.valueOf(page.total()));
        Json.ok(res, page.items());
    }

    /** A person changes the stage, or clears the attention flag once they have seen to it. */
    private void update(ServerRequest req, ServerResponse res) {
        Caller caller = tokens.caller(req);
        UUID id = RequestParams.uuid(req, "id");
        UpdateRequest body = Json.read(req, UpdateRequest.class);
        Fields fields = new Fields();
        String stage = StateFields.stage(fields, "stage", body.stage());
        fields.check(body.stage() != null || body.needsAttention() != null,
                        "name a field to change: stage or needs_attention")
                .check(!Boolean.TRUE.equals(body.needsAttention()),
                        "needs_attention can only be cleared (false); the bot flags conversations itself")
                .validate();
        Instant now = clock.instant();
        Conversation updated = db.inTransaction(tx -> {
            conversations.lock(tx, caller.organisationId(), id).orElseThrow(() -> ApiException.notFound("Conversation"));
            List<String> changed = new ArrayList<>();
            if (stage != null) {
                conversations.setStage(tx, id, stage, now);
                changed.add("stage");
            }
            if (body.needsAttention() != null) {
                conversations.clearAttention(tx, id, now);
                changed.add("needs_attention");
            }
            audit.record(tx, caller.organisationId(), caller.userId(), "conversation.update", "conversation", id,
                    Map.of("fields", changed), now);
            return conversations.find(tx, caller.organisationId(), id).orElseThrow();
        });
        events.conversationUpdated(updated);
        Json.ok(res, ConversationOut.of(updated));
    }

    /**
     * A page of the conversation's messages, oldest first: the newest ones, or with {@code before} (a
     * message id, or an ISO-8601 time) the ones written before it.
     */
    private void messages(ServerRequest req, ServerResponse res) {
        Caller caller = tokens.caller(req);
        UUID id = RequestParams.uuid(req, "id");
        int limit = RequestParams.limit(req, 200, MAX_PAGE);
        String before = query(req, "before");
        List<MessageOut> out = db.inTransaction(tx -> {
            Conversation c = conversations.find(tx, caller.organisationId(), id)
                    .orElseThrow(() -> ApiException.notFound("Conversation"));
            MessageRepository.Before cursor = before == null ? null : cursor(tx, c, before);
            return withReactions(messages.list(tx, caller.organisationId(), id, limit, cursor),
                    messages.reactions(tx, caller.organisationId(), id), c.simulated());
        });
        Json.ok(res, out);
    }

    /**
     * Each reaction on the message it reacts to, the lead's latest one winning, instead of a bubble of its
     * own; a reaction to a message the conversation does not have stays a message.
     */
    private static List<MessageOut> withReactions(List<Message> page, List<MessageRepository.Reaction> reactions,
                                                  boolean simulated) {
        Map<String, String> current = new HashMap<>();
        Set<UUID> folded = new HashSet<>();
        for (MessageRepository.Reaction reaction : reactions) {
            folded.add(reaction.id());
            if (reaction.emoji() == null) {
                current.remove(reaction.reactsToWaId());
            } else {
                current.put(reaction.reactsToWaId(), reaction.emoji());
            }
        }
        return page.stream().filter(m -> !folded.contains(m.id()))
                .map(m -> MessageOut.of(m, simulated).withLeadReaction(
                        m.waMessageId() == null ? null : current.get(m.waMessageId())))
                .toList();
    }

    /**
     * A person opened the chat: its lead messages count as seen by the whole team, and the other consoles
     * clear their badge. Not audited: it changes nothing about the conversation, and it happens on every
     * chat a person opens.
     */
    private void markRead(ServerRequest req, ServerResponse res) {
        Caller caller = tokens.caller(req);
        UUID id = RequestParams.uuid(req, "id");
        record Read(Conversation conversation, boolean changed) {
        }
        Read read = db.inTransaction(tx -> {
            conversations.find(tx, caller.organisationId(), id).orElseThrow(() -> ApiException.notFound("Conversation"));
            boolean changed = conversations.markRead(tx, id);
            return new Read(conversations.find(tx, caller.organisationId(), id).orElseThrow(), changed);
        });
        if (read.changed()) {
            events.conversationUpdated(read.conversation());
        }
        Json.ok(res, ConversationOut.of(read.conversation()));
    }

    private MessageRepository.Before cursor(Tx tx, Conversation c, String before) {
        try {
            return MessageRepository.Before.time(Instant.parse(before));
        } catch (DateTimeParseException notATime) {
            try {
                return messages.before(tx, c.organisationId(), c.id(), UUID.fromString(before))
                        .orElseThrow(() -> ApiException.badRequest("before must be a message of this conversation"));
            } catch (IllegalArgumentException notAnId) {
                throw ApiException.badRequest("before must be a message id or an ISO-8601 time"
                        + " (e.g. 2026-11-20T10:15:30Z)");
            }
        }
    }

    private static String query(ServerRequest req, String name) {
        return req.query().first(name).filter(value -> !value.isBlank()).orElse(null);
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
