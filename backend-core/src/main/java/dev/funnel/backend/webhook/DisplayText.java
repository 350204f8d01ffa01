package dev.funnel.backend.webhook;

import dev.funnel.backend.webhook.MessageContent.ButtonReply;
import dev.funnel.backend.webhook.MessageContent.ContactCard;
import dev.funnel.backend.webhook.MessageContent.Contacts;
import dev.funnel.backend.webhook.MessageContent.Edit;
import dev.funnel.backend.webhook.MessageContent.InteractiveReply;
import dev.funnel.backend.webhook.MessageContent.Location;
import dev.funnel.backend.webhook.MessageContent.Media;
import dev.funnel.backend.webhook.MessageContent.Order;
import dev.funnel.backend.webhook.MessageContent.Other;
import dev.funnel.backend.webhook.MessageContent.Reaction;
import dev.funnel.backend.webhook.MessageContent.RequestWelcome;
import dev.funnel.backend.webhook.MessageContent.Revoke;
import dev.funnel.backend.webhook.MessageContent.SystemEvent;
import dev.funnel.backend.webhook.MessageContent.Text;
import dev.funnel.backend.webhook.MessageContent.Unsupported;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** What an operator sees for a message in a chat list, whatever its type. */
final class DisplayText {

    // the raw type of an Other is untrusted text, so it is not shown
    private static final String UNSUPPORTED = "[unsupported message]";

    private DisplayText() {
    }

    static String of(MessageContent content) {
        return switch (content) {
            case Text text -> Objects.requireNonNullElse(text.body(), "");
            case Media media -> present(media.caption()) ? media.caption() : mediaLabel(media);
            case Location location -> "📍 " + place(location);
            case Contacts contacts -> contacts(contacts.cards());
            case InteractiveReply reply -> interactive(reply);
            case ButtonReply button -> firstPresent(button.text(), button.payload(), "[button]");
            case Reaction reaction -> reaction.emoji() == null
                    ? "Removed a reaction" : "Reacted " + reaction.emoji() + " to a message";
            case Order order -> "[order: " + order.items().size() + (order.items().size() == 1 ? " item]" : " items]");
            case SystemEvent system -> firstPresent(system.body(), null, "[system message]");
            case Edit edit -> edit.edited() == null ? "[edited a message]" : "[edited] " + of(edit.edited());
            case Revoke _ -> "[deleted a message]";
            case RequestWelcome _ -> "[opened the chat]";
            case Unsupported _, Other _ -> UNSUPPORTED;
            case null -> UNSUPPORTED;
        };
    }

    private static String mediaLabel(Media media) {
        return switch (media.kind()) {
            case "audio" -> media.voice() ? "[voice message]" : "[audio]";
            case "document" -> present(media.filename()) ? "[document: " + media.filename() + "]" : "[document]";
            case null -> "[media]";
            default -> "[" + media.kind() + "]";
        };
    }

    private static String place(Location location) {
        String named = Stream.of(location.name(), location.address()).filter(DisplayText::present)
                .collect(Collectors.joining(", "));
        if (!named.isEmpty()) {
            return named;
        }
        if (location.latitude() != null && location.longitude() != null) {
            return location.latitude() + "," + location.longitude();
        }
        return "[location]";
    }

    private static String contacts(List<ContactCard> cards) {
        String names = cards.stream().map(ContactCard::formattedName).filter(DisplayText::present)
                .collect(Collectors.joining(", "));
        if (names.isEmpty()) {
            return cards.size() == 1 ? "[contact]" : "[contacts]";
        }
        return (cards.size() == 1 ? "[contact: " : "[contacts: ") + names + "]";
    }

    private static String interactive(InteractiveReply reply) {
        if ("nfm_reply".equals(reply.kind())) {
            return present(reply.flowName()) ? "[form submitted: " + reply.flowName() + "]" : "[form submitted]";
        }
        return firstPresent(reply.title(), reply.description(), "[interactive reply]");
    }

    private static String firstPresent(String first, String second, String fallback) {
        return present(first) ? first : present(second) ? second : fallback;
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }
}
