package dev.funnel.backend.webhook;

import static dev.funnel.backend.webhook.TolerantJson.bool;
import static dev.funnel.backend.webhook.TolerantJson.elements;
import static dev.funnel.backend.webhook.TolerantJson.epochSeconds;
import static dev.funnel.backend.webhook.TolerantJson.lowerCaseText;
import static dev.funnel.backend.webhook.TolerantJson.nonEmptyText;
import static dev.funnel.backend.webhook.TolerantJson.objects;
import static dev.funnel.backend.webhook.TolerantJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads the value of a {@code messages} change: inbound messages and statuses of our outbound ones. */
final class MessagesChangeReader {

    private MessagesChangeReader() {
    }

    static void read(JsonNode value, String businessAccountId, String where, WebhookCollector out) {
        JsonNode metadata = value.path("metadata");
        Route route = new Route(nonEmptyText(metadata.path("phone_number_id")),
                text(metadata.path("display_phone_number")), businessAccountId);
        SenderContacts contacts = SenderContacts.of(objects(value.path("contacts")));
        List<JsonNode> messages = elements(value.path("messages"));
        for (int i = 0; i < messages.size(); i++) {
            readMessage(messages.get(i), route, contacts, where + ".messages[" + i + "]", out);
        }
        List<JsonNode> statuses = elements(value.path("statuses"));
        for (int i = 0; i < statuses.size(); i++) {
            readStatus(statuses.get(i), route, where + ".statuses[" + i + "]", out);
        }
    }

    /** Where a change belongs: our phone number (which routes to an organisation) and business account. */
    private record Route(String phoneNumberId, String displayPhoneNumber, String businessAccountId) {
    }

    private static void readMessage(JsonNode message, Route route, SenderContacts contacts, String where,
                                    WebhookCollector out) {
        if (!message.isObject()) {
            out.skipped(where, "message is not a JSON object");
            return;
        }
        String id = nonEmptyText(message.path("id"));
        String from = nonEmptyText(message.path("from"));
        String fromUserId = nonEmptyText(message.path("from_user_id"));
        JsonNode contact = contacts.of(from, fromUserId);
        String userId = fromUserId != null ? fromUserId : nonEmptyText(contact.path("user_id"));
        List<String> missing = new ArrayList<>();
        if (route.phoneNumberId() == null) {
            missing.add("metadata.phone_number_id");
        }
        if (id == null) {
            missing.add("id");
        }
        if (from == null && userId == null) {
            missing.add("from (and no user id)");
        }
        if (!missing.isEmpty()) {
            out.skipped(where, "message " + (id == null ? "" : id + " ") + "lacks " + String.join(", ", missing));
            return;
        }
        String type = text(message.path("type"));
        out.message(new InboundMessage(route.phoneNumberId(), route.displayPhoneNumber(), route.businessAccountId(),
                from, text(contact.path("wa_id")), userId, text(contact.path("profile").path("name")), id,
                epochSeconds(message.path("timestamp")), type, ContentReader.read(type, message),
                context(message.path("context")), referral(message.path("referral")), message.toString()));
    }

    /**
     * The change's {@code contacts[]}, to find the one describing a message's sender: by phone number,
     * else by user id. With a single contact and no match it is still the sender (Meta sends one contact
     * per sender, and an edited message's {@code from} can differ from it); with several we do not guess.
     * Indexed once so a body with many messages and contacts costs linear time.
     */
    private record SenderContacts(Map<String, JsonNode> byWaId, Map<String, JsonNode> byUserId, JsonNode single) {

        static SenderContacts of(List<JsonNode> contacts) {
            Map<String, JsonNode> byWaId = new HashMap<>();
            Map<String, JsonNode> byUserId = new HashMap<>();
            for (JsonNode contact : contacts) {
                String waId = text(contact.path("wa_id"));
                String userId = text(contact.path("user_id"));
                if (waId != null) {
                    byWaId.putIfAbsent(waId, contact);
                }
                if (userId != null) {
                    byUserId.putIfAbsent(userId, contact);
                }
            }
            JsonNode single = contacts.size() == 1 ? contacts.getFirst() : MissingNode.getInstance();
            return new SenderContacts(byWaId, byUserId, single);
        }

        JsonNode of(String from, String fromUserId) {
            JsonNode contact = from == null ? null : byWaId.get(from);
            if (contact == null && fromUserId != null) {
                contact = byUserId.get(fromUserId);
            }
            return contact != null ? contact : single;
        }
    }

    private static MessageContext context(JsonNode context) {
        if (!context.isObject()) {
            return null;
        }
        return new MessageContext(text(context.path("from")), text(context.path("id")),
                bool(context.path("forwarded")), bool(context.path("frequently_forwarded")));
    }

    private static Referral referral(JsonNode referral) {
        if (!referral.isObject()) {
            return null;
        }
        return new Referral(text(referral.path("source_url")), text(referral.path("source_id")),
                text(referral.path("source_type")), text(referral.path("headline")), text(referral.path("body")),
                text(referral.path("media_type")), text(referral.path("image_url")),
                text(referral.path("video_url")), text(referral.path("thumbnail_url")),
                text(referral.path("ctwa_clid")));
    }

    private static void readStatus(JsonNode status, Route route, String where, WebhookCollector out) {
        if (!status.isObject()) {
            out.skipped(where, "status is not a JSON object");
            return;
        }
        String id = nonEmptyText(status.path("id"));
        String value = lowerCaseText(status.path("status"));
        List<String> missing = new ArrayList<>();
        if (route.phoneNumberId() == null) {
            missing.add("metadata.phone_number_id");
        }
        if (id == null) {
            missing.add("id");
        }
        if (value == null || value.isEmpty()) {
            missing.add("status");
        }
        if (!missing.isEmpty()) {
            out.skipped(where, "status " + (id == null ? "" : id + " ") + "lacks " + String.join(", ", missing));
            return;
        }
        JsonNode pricing = status.path("pricing");
        out.status(new StatusUpdate(route.phoneNumberId(), id, value, epochSeconds(status.path("timestamp")),
                text(status.path("recipient_id")), ContentReader.errors(status.path("errors")),
                text(pricing.path("category")), bool(pricing.path("billable")),
                text(status.path("biz_opaque_callback_data")), text(status.path("conversation").path("id"))));
    }
}
