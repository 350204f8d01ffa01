package dev.funnel.backend.webhook;

import static dev.funnel.backend.webhook.TolerantJson.bool;
import static dev.funnel.backend.webhook.TolerantJson.decimal;
import static dev.funnel.backend.webhook.TolerantJson.finiteDouble;
import static dev.funnel.backend.webhook.TolerantJson.document;
import static dev.funnel.backend.webhook.TolerantJson.integer;
import static dev.funnel.backend.webhook.TolerantJson.nonEmptyText;
import static dev.funnel.backend.webhook.TolerantJson.objects;
import static dev.funnel.backend.webhook.TolerantJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.funnel.backend.webhook.MessageContent.ButtonReply;
import dev.funnel.backend.webhook.MessageContent.ContactCard;
import dev.funnel.backend.webhook.MessageContent.Contacts;
import dev.funnel.backend.webhook.MessageContent.Edit;
import dev.funnel.backend.webhook.MessageContent.InteractiveReply;
import dev.funnel.backend.webhook.MessageContent.Location;
import dev.funnel.backend.webhook.MessageContent.Media;
import dev.funnel.backend.webhook.MessageContent.Order;
import dev.funnel.backend.webhook.MessageContent.OrderItem;
import dev.funnel.backend.webhook.MessageContent.Other;
import dev.funnel.backend.webhook.MessageContent.Reaction;
import dev.funnel.backend.webhook.MessageContent.RequestWelcome;
import dev.funnel.backend.webhook.MessageContent.Revoke;
import dev.funnel.backend.webhook.MessageContent.SystemEvent;
import dev.funnel.backend.webhook.MessageContent.Text;
import dev.funnel.backend.webhook.MessageContent.Unsupported;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/** Turns a message object into its typed content; the object under the type's key holds the details. */
final class ContentReader {

    private ContentReader() {
    }

    static MessageContent read(String type, JsonNode message) {
        JsonNode body = type == null ? MissingNode.getInstance() : message.path(type);
        return switch (type) {
            case "text" -> new Text(text(body.path("body")));
            case "image", "audio", "video", "document", "sticker" -> media(type, body);
            case "location" -> new Location(finiteDouble(body.path("latitude")),
                    finiteDouble(body.path("longitude")), text(body.path("name")), text(body.path("address")),
                    text(body.path("url")));
            case "contacts" -> new Contacts(objects(message.path("contacts")).stream()
                    .map(ContentReader::contactCard).toList());
            case "interactive" -> interactive(body);
            case "button" -> new ButtonReply(text(body.path("text")), text(body.path("payload")));
            case "reaction" -> new Reaction(text(body.path("message_id")), nonEmptyText(body.path("emoji")));
            case "order" -> new Order(text(body.path("catalog_id")), text(body.path("text")),
                    objects(body.path("product_items")).stream().map(ContentReader::orderItem).toList());
            case "system" -> new SystemEvent(text(body.path("type")), text(body.path("body")),
                    firstText(body.path("wa_id"), body.path("new_wa_id")),
                    firstText(message.path("identity").path("hash"), body.path("identity")));
            case "edit" -> new Edit(text(body.path("original_message_id")), edited(body.path("message")));
            case "revoke" -> new Revoke(text(body.path("original_message_id")));
            case "unsupported", "unknown" -> new Unsupported(errors(message.path("errors")));
            case "request_welcome" -> new RequestWelcome();
            case null, default -> new Other(type);
        };
    }

    // an edit carries the message as it now reads; an edit inside an edit is not a thing Meta sends,
    // and refusing it keeps a crafted body from recursing as deep as its nesting goes
    private static MessageContent edited(JsonNode message) {
        String type = text(message.path("type"));
        if (!message.isObject() || type == null || "edit".equals(type)) {
            return null;
        }
        return read(type, message);
    }

    private static Media media(String kind, JsonNode media) {
        return new Media(kind, text(media.path("id")), text(media.path("mime_type")), text(media.path("sha256")),
                text(media.path("caption")), text(media.path("filename")),
                Boolean.TRUE.equals(bool(media.path("voice"))), text(media.path("url")));
    }

    private static ContactCard contactCard(JsonNode card) {
        JsonNode name = card.path("name");
        String formatted = nonEmptyText(name.path("formatted_name"));
        if (formatted == null) {
            formatted = Stream.of(text(name.path("first_name")), text(name.path("last_name")))
                    .filter(Objects::nonNull).reduce((first, last) -> first + " " + last).orElse(null);
        }
        List<String> phones = objects(card.path("phones")).stream()
                .map(phone -> firstText(phone.path("phone"), phone.path("wa_id"))).filter(Objects::nonNull).toList();
        List<String> emails = objects(card.path("emails")).stream()
                .map(email -> text(email.path("email"))).filter(Objects::nonNull).toList();
        return new ContactCard(formatted, phones, emails, text(card.path("org").path("company")));
    }

    private static InteractiveReply interactive(JsonNode interactive) {
        String kind = text(interactive.path("type"));
        JsonNode reply = kind == null ? MissingNode.getInstance() : interactive.path(kind);
        if ("nfm_reply".equals(kind)) {
            return new InteractiveReply(kind, null, text(reply.path("body")), null,
                    document(reply.path("response_json")), text(reply.path("name")));
        }
        return new InteractiveReply(kind, text(reply.path("id")), text(reply.path("title")),
                text(reply.path("description")), null, null);
    }

    private static OrderItem orderItem(JsonNode item) {
        return new OrderItem(text(item.path("product_retailer_id")), integer(item.path("quantity")),
                decimal(item.path("item_price")), text(item.path("currency")));
    }

    static List<ErrorInfo> errors(JsonNode errors) {
        return objects(errors).stream()
                .map(error -> new ErrorInfo(integer(error.path("code")), text(error.path("title")),
                        text(error.path("message")), text(error.path("error_data").path("details"))))
                .toList();
    }

    private static String firstText(JsonNode first, JsonNode second) {
        String text = nonEmptyText(first);
        return text != null ? text : nonEmptyText(second);
    }
}
