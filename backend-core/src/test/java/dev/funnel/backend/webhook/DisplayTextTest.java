package dev.funnel.backend.webhook;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.Test;

/** What an operator sees in the chat list for each kind of message. */
class DisplayTextTest {

    private static String display(MessageContent content) {
        return new InboundMessage("P", null, null, "1", null, null, null, "wamid.X", null, "t", content, null, null, "{}")
                .displayText();
    }

    private static Media media(String kind, String caption, String filename, boolean voice) {
        return new Media(kind, "M", null, null, caption, filename, voice, null);
    }

    @Test
    void showsTextAsIs() {
        assertThat(display(new Text("Is it still available?"))).isEqualTo("Is it still available?");
    }

    @Test
    void showsAMediaCaptionOrWhatKindOfMediaItIs() {
        assertThat(display(media("image", "My car", null, false))).isEqualTo("My car");
        assertThat(display(media("image", null, null, false))).isEqualTo("[image]");
        assertThat(display(media("audio", null, null, true))).isEqualTo("[voice message]");
        assertThat(display(media("audio", null, null, false))).isEqualTo("[audio]");
        assertThat(display(media("document", " ", "offer.pdf", false))).isEqualTo("[document: offer.pdf]");
        assertThat(display(media("sticker", null, null, false))).isEqualTo("[sticker]");
    }

    @Test
    void showsAPlaceByNameAndAddressElseByCoordinates() {
        assertThat(display(new Location(1.0, 2.0, "Cafe", "Main St 1", null))).isEqualTo("📍 Cafe, Main St 1");
        assertThat(display(new Location(52.52, 13.405, null, null, null))).isEqualTo("📍 52.52,13.405");
    }

    @Test
    void namesSharedContacts() {
        ContactCard ada = new ContactCard("Ada", List.of(), List.of(), null);
        ContactCard bob = new ContactCard("Bob", List.of(), List.of(), null);

        assertThat(display(new Contacts(List.of(ada)))).isEqualTo("[contact: Ada]");
        assertThat(display(new Contacts(List.of(ada, bob)))).isEqualTo("[contacts: Ada, Bob]");
    }

    @Test
    void showsTheChosenReply() {
        assertThat(display(new InteractiveReply("list_reply", "r1", "Tuesday 10:00", "slot", null, null)))
                .isEqualTo("Tuesday 10:00");
        assertThat(display(new ButtonReply("Yes please", "YES"))).isEqualTo("Yes please");
        assertThat(display(new InteractiveReply("nfm_reply", null, "Sent", null, "{}", "booking")))
                .isEqualTo("[form submitted: booking]");
    }

    @Test
    void describesReactions() {
        assertThat(display(new Reaction("wamid.A", "😮"))).isEqualTo("Reacted 😮 to a message");
        assertThat(display(new Reaction("wamid.A", null))).isEqualTo("Removed a reaction");
    }

    @Test
    void countsTheLinesOfAnOrder() {
        OrderItem item = new OrderItem("SKU", 1, null, null);

        assertThat(display(new Order("C", "", List.of(item, item, item)))).isEqualTo("[order: 3 items]");
        assertThat(display(new Order("C", "", List.of(item)))).isEqualTo("[order: 1 item]");
    }

    @Test
    void showsSystemNoticesEditsAndTheRest() {
        assertThat(display(new SystemEvent("user_changed_number", "User A changed number", null, null)))
                .isEqualTo("User A changed number");
        assertThat(display(new Edit("wamid.A", new Text("fixed typo")))).isEqualTo("[edited] fixed typo");
        assertThat(display(new Revoke("wamid.A"))).isEqualTo("[deleted a message]");
        assertThat(display(new RequestWelcome())).isEqualTo("[opened the chat]");
        assertThat(display(new Unsupported(List.of()))).isEqualTo("[unsupported message]");
        assertThat(display(new Other("hologram"))).isEqualTo("[unsupported message]");
    }
}
