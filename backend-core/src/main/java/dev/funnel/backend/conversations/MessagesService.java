package dev.funnel.backend.conversations;

import dev.funnel.backend.audit.AuditLog;
import dev.funnel.backend.auth.Caller;
import dev.funnel.backend.auth.Tokens;
import dev.funnel.backend.db.Db;
import dev.funnel.backend.http.ApiException;
import dev.funnel.backend.http.Fields;
import dev.funnel.backend.http.Json;
import dev.funnel.backend.pipeline.PipelineInput;
import dev.funnel.backend.templates.TemplateSends;
import dev.funnel.backend.whatsapp.GraphApiClient;
import dev.funnel.backend.whatsapp.OutboundSender;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * A person's own message to a lead, in a conversation they have taken over: free text while the lead's
 * 24-hour window is open, an approved template at any time (the only message WhatsApp takes once the
 * window has closed).
 */
public final class MessagesService implements HttpService {

    static final String WINDOW_CLOSED = "24-hour window closed — send an approved template: the lead last wrote"
            + " more than 24 hours ago";

    /**
     * Either {@code content} (text) or {@code template}. {@code replyToMessageId}, when given, is a message of
     * the conversation that the new one quotes.
     */
    record SendRequest(UUID conversationId, String content, String clientMessageId, UUID replyToMessageId,
                       TemplateSends.Request template) {
    }

    private final Db db;
    private final Tokens tokens;
    private final OutboundSender sender;
    private final Clock clock;
    private final ConversationRepository conversations = new ConversationRepository();
    private final MessageRepository messages = new MessageRepository();
    private final TemplateSends templates = new TemplateSends();
    private final AuditLog audit = new AuditLog();

    public MessagesService(Db db, Tokens tokens, OutboundSender sender, Clock clock) {
        this.db = db;
        this.tokens = tokens;
        this.sender = sender;
        this.clock = clock;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/send", this::send);
    }

    private void send(ServerRequest req, ServerResponse res) {
        Caller caller = tokens.caller(req);
        SendRequest body = Json.read(req, SendRequest.class);
        boolean isTemplate = body.template() != null;
        Fields fields = new Fields()
                .check(body.conversationId() != null, "conversation_id is required")
                .check(!isTemplate || body.content() == null, "give either content or template, not both");
        if (!isTemplate) {
            fields.required("content", body.content()).maxLength("content", body.content(),
                    GraphApiClient.MAX_TEXT_LENGTH);
        }
        fields.validate();
        // a client may name its message so that a retried request does not send twice
        String key = "human:" + (body.clientMessageId() == null ? UUID.randomUUID() : caller.userId() + ":"
                + body.clientMessageId());
        Instant now = clock.instant();
        record Recorded(Conversation conversation, Message message) {
        }
        Recorded recorded = db.inTransaction(tx -> {
            Conversation c = conversations.lock(tx, caller.organisationId(), body.conversationId())
                    .orElseThrow(() -> ApiException.notFound("Conversation"));
            if (!c.inHumanMode()) {
                throw ApiException.conflict("Take over the conversation before writing to the lead");
            }
            if (!isTemplate && !PipelineInput.windowOpen(c.lastUserMessageAt(), now)) {
                throw ApiException.conflict(WINDOW_CLOSED);
            }
            String replyTo = body.replyToMessageId() == null ? null : messages.find(tx, c.organisationId(),
                            body.replyToMessageId())
                    .filter(quoted -> quoted.conversationId().equals(c.id()) && quoted.waMessageId() != null)
                    .orElseThrow(() -> ApiException.badRequest(
                            "reply_to_message_id must be a message of this conversation that reached WhatsApp"))
                    .waMessageId();
            Message m;
            if (isTemplate) {
                TemplateSends.Prepared template = templates.prepare(tx, c.organisationId(), body.template());
                m = messages.recordOutboundTemplate(tx, c, "human", template.renderedText(),
                        Json.text(template.message()), replyTo, key, caller.userId(), now);
            } else {
                m = messages.recordOutbound(tx, c, "human", body.content().strip(), replyTo, key, caller.userId(),
                        now);
            }
            audit.record(tx, caller.organisationId(), caller.userId(), isTemplate ? "message.template_sent"
                    : "message.sent", "message", m.id(), now);
            return new Recorded(c, m);
        });
        Message sent = sender.deliver(recorded.conversation(), recorded.message());
        Json.send(res, Status.CREATED_201, MessageOut.of(sent, recorded.conversation().simulated()));
    }
}
