package dev.funnel.backend.webhook;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a lead sent, one record per WhatsApp message type. Every field may be null when Meta left it
 * out: the parser keeps a message whose content is incomplete rather than lose it.
 */
public sealed interface MessageContent {

    record Text(String body) implements MessageContent {
    }

    /**
     * @param kind  image, audio, video, document or sticker
     * @param voice true for a voice note recorded in the chat (an audio with {@code voice: true})
     * @param url   a short-lived download URL, when Meta included one
     */
    record Media(String kind, String mediaId, String mimeType, String sha256, String caption,
                 String filename, boolean voice, String url) implements MessageContent {
    }

    record Location(Double latitude, Double longitude, String name, String address, String url)
            implements MessageContent {
    }

    record Contacts(List<ContactCard> cards) implements MessageContent {
        public Contacts {
            cards = List.copyOf(cards);
        }
    }

    record ContactCard(String formattedName, List<String> phones, List<String> emails, String organisation) {
        public ContactCard {
            phones = List.copyOf(phones);
            emails = List.copyOf(emails);
        }
    }

    /**
     * A reply to one of our interactive messages.
     *
     * @param kind             button_reply, list_reply, nfm_reply (a completed flow), or null if Meta
     *                         sent an interactive message without a reply in it
     * @param title            the chosen button or row; for a flow, the body Meta shows (e.g. "Sent")
     * @param flowResponseJson the flow's answers as a JSON document (nfm_reply only)
     */
    record InteractiveReply(String kind, String id, String title, String description,
                            String flowResponseJson, String flowName) implements MessageContent {
    }

    /** A tap on a quick-reply button of one of our templates. */
    record ButtonReply(String text, String payload) implements MessageContent {
    }

    /** @param emoji null when the lead removed their reaction */
    record Reaction(String messageId, String emoji) implements MessageContent {
    }

    record Order(String catalogId, String text, List<OrderItem> items) implements MessageContent {
        public Order {
            items = List.copyOf(items);
        }
    }

    record OrderItem(String productRetailerId, Integer quantity, BigDecimal itemPrice, String currency) {
    }

    /**
     * A notice from WhatsApp itself.
     *
     * @param systemType e.g. user_changed_number, customer_identity_changed
     * @param newWaId    the lead's new WhatsApp id after a number change
     * @param identity   the hash of the lead's new identity (security code change)
     */
    record SystemEvent(String systemType, String body, String newWaId, String identity)
            implements MessageContent {
    }

    /** @param edited the message as it reads now; null if Meta did not include it */
    record Edit(String originalMessageId, MessageContent edited) implements MessageContent {
    }

    /** The lead deleted a message they had sent. */
    record Revoke(String originalMessageId) implements MessageContent {
    }

    /** A message WhatsApp cannot deliver to the API (types {@code unsupported} and {@code unknown}). */
    record Unsupported(List<ErrorInfo> errors) implements MessageContent {
        public Unsupported {
            errors = List.copyOf(errors);
        }
    }

    /** The lead opened the chat for the first time, before writing anything. */
    record RequestWelcome() implements MessageContent {
    }

    /** A type this parser does not know yet; the message's raw JSON still has everything. */
    record Other(String type) implements MessageContent {
    }
}
