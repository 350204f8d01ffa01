package dev.funnel.backend.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.funnel.backend.webhook.MessageContent.ButtonReply;
import dev.funnel.backend.webhook.MessageContent.Contacts;
import dev.funnel.backend.webhook.MessageContent.Edit;
import dev.funnel.backend.webhook.MessageContent.InteractiveReply;
import dev.funnel.backend.webhook.MessageContent.Location;
import dev.funnel.backend.webhook.MessageContent.Media;
import dev.funnel.backend.webhook.MessageContent.Order;
import dev.funnel.backend.webhook.MessageContent.Reaction;
import dev.funnel.backend.webhook.MessageContent.Revoke;
import dev.funnel.backend.webhook.MessageContent.SystemEvent;
import dev.funnel.backend.webhook.MessageContent.Text;
import dev.funnel.backend.webhook.MessageContent.Unsupported;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * What each manifest key means in terms of a {@link ParsedWebhook}: a list of actual values in payload
 * order (null = absent), and how the manifest writes them.
 */
final class ManifestKeys {

    enum Kind {
        /** plain text, {@code -} for absent, comma-separated list */
        TEXT,
        /** JSON string literals, {@code ||}-separated list */
        JSON_TEXT,
        /** numbers compared by value */
        NUMBER,
        /** emoji written as code points such as U+1F62E */
        CODE_POINTS
    }

    /** What a key is read from: the parse result and the body as JSON (for {@code object}). */
    record Observed(ParsedWebhook parsed, JsonNode body) {
    }

    record Key(Kind kind, Function<Observed, List<String>> actual) {
    }

    static final Map<String, Key> KEYS = Map.ofEntries(
            Map.entry("msgs", new Key(Kind.NUMBER, o -> List.of(String.valueOf(o.parsed().messages().size())))),
            Map.entry("statuses", new Key(Kind.NUMBER, o -> List.of(String.valueOf(o.parsed().statuses().size())))),
            message("from", Kind.TEXT, InboundMessage::from),
            message("contact_wa_id", Kind.TEXT, InboundMessage::contactWaId),
            message("contact_user_id", Kind.TEXT, InboundMessage::contactUserId),
            message("type", Kind.TEXT, InboundMessage::type),
            Map.entry("id", new Key(Kind.TEXT, o -> Stream.concat(
                    o.parsed().messages().stream().map(InboundMessage::waMessageId),
                    o.parsed().statuses().stream().map(StatusUpdate::waMessageId)).toList())),
            content("body", Kind.JSON_TEXT, Text.class, Text::body),
            content("caption", Kind.JSON_TEXT, Media.class, Media::caption),
            content("media_id", Kind.TEXT, Media.class, Media::mediaId),
            content("reply_id", Kind.JSON_TEXT, InteractiveReply.class, InteractiveReply::id),
            content("reply_title", Kind.JSON_TEXT, InteractiveReply.class, InteractiveReply::title),
            content("interactive", Kind.TEXT, InteractiveReply.class, InteractiveReply::kind),
            content("flow_name", Kind.JSON_TEXT, InteractiveReply.class, InteractiveReply::flowName),
            content("button_payload", Kind.JSON_TEXT, ButtonReply.class, ButtonReply::payload),
            content("button_text", Kind.JSON_TEXT, ButtonReply.class, ButtonReply::text),
            content("emoji", Kind.CODE_POINTS, Reaction.class, Reaction::emoji),
            content("reaction_to", Kind.TEXT, Reaction.class, Reaction::messageId),
            content("lat", Kind.NUMBER, Location.class, l -> Objects.toString(l.latitude(), null)),
            content("lon", Kind.NUMBER, Location.class, l -> Objects.toString(l.longitude(), null)),
            content("cards", Kind.NUMBER, Contacts.class, c -> String.valueOf(c.cards().size())),
            content("catalog", Kind.TEXT, Order.class, Order::catalogId),
            content("items", Kind.NUMBER, Order.class, order -> String.valueOf(order.items().size())),
            content("system_type", Kind.TEXT, SystemEvent.class, SystemEvent::systemType),
            message("original_id", Kind.TEXT, m -> switch (m.content()) {
                case Edit edit -> edit.originalMessageId();
                case Revoke revoke -> revoke.originalMessageId();
                default -> null;
            }),
            Map.entry("error_codes", new Key(Kind.NUMBER, ManifestKeys::errorCodes)),
            status("status", StatusUpdate::status),
            status("recipient", StatusUpdate::recipientId),
            template("template_event", Kind.TEXT, TemplateStatusUpdate::event),
            template("template", Kind.JSON_TEXT, TemplateStatusUpdate::templateName),
            template("template_id", Kind.TEXT, TemplateStatusUpdate::templateId),
            template("lang", Kind.TEXT, TemplateStatusUpdate::language),
            // the body's own object: a check on the fixture, since an ignored object yields nothing to read
            Map.entry("object", new Key(Kind.TEXT, o -> List.of(o.body().path("object").asText("-")))));

    private ManifestKeys() {
    }

    private static Map.Entry<String, Key> message(String name, Kind kind, Function<InboundMessage, String> value) {
        return Map.entry(name, new Key(kind, o -> o.parsed().messages().stream().map(value).toList()));
    }

    private static <T extends MessageContent> Map.Entry<String, Key> content(String name, Kind kind, Class<T> type,
                                                                             Function<T, String> value) {
        return message(name, kind, m -> type.isInstance(m.content()) ? value.apply(type.cast(m.content())) : null);
    }

    private static Map.Entry<String, Key> status(String name, Function<StatusUpdate, String> value) {
        return Map.entry(name, new Key(Kind.TEXT, o -> o.parsed().statuses().stream().map(value).toList()));
    }

    private static Map.Entry<String, Key> template(String name, Kind kind,
                                                   Function<TemplateStatusUpdate, String> value) {
        return Map.entry(name, new Key(kind, o -> o.parsed().templateUpdates().stream().map(value).toList()));
    }

    /** Error codes of unsupported messages, then of statuses, in payload order. */
    private static List<String> errorCodes(Observed observed) {
        List<ErrorInfo> errors = new ArrayList<>();
        observed.parsed().messages().forEach(m -> {
            if (m.content() instanceof Unsupported unsupported) {
                errors.addAll(unsupported.errors());
            }
        });
        observed.parsed().statuses().forEach(s -> errors.addAll(s.errors()));
        return errors.stream().map(e -> Objects.toString(e.code(), null)).toList();
    }
}
