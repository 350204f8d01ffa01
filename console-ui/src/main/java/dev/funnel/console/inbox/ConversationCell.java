package dev.funnel.console.inbox;

import dev.funnel.console.backend.Conversation;
import dev.funnel.console.common.Times;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * One row of the conversation list: who, when, the unread count, the last message, and badges for mode,
 * attention and simulation.
 *
 * <p>Every live message moves a conversation to the top, so every row on screen shows another
 * conversation several times a second under load, and the list must stay cheap to lay out and style:
 * every row has the same four lines, so the list's rows have one fixed height ({@code -fx-fixed-cell-size}
 * in inbox.css) and the list never measures rows off screen to estimate its length; a row has its own
 * style class, not {@code list-cell} (whose odd rows change the colour every text in them is derived
 * from, so each shift restyled whole rows); and its states are pseudo-classes on the one label they
 * affect, never style classes (changing a style class makes JavaFX look up that node's styles again).
 */
final class ConversationCell extends ListCell<Conversation> {

    private static final PseudoClass UNREAD = PseudoClass.getPseudoClass("unread");
    private static final PseudoClass HUMAN = PseudoClass.getPseudoClass("human");
    /** The second line when the first shows the phone number: every row has the same four lines. */
    static final String NAMELESS = "No name yet";

    private final Label name = new Label();
    private final Label time = new Label();
    private final Label unread = new Label();
    private final Label phone = new Label();
    private final Label lastMessage = new Label();
    private final Label mode = new Label();
    private final Label attention = new Label("Needs attention");
    private final Label simulated = new Label("Simulated");
    private final VBox layout;

    ConversationCell() {
        getStyleClass().setAll("conversation-cell");
        name.getStyleClass().add("conversation-name");
        time.getStyleClass().add("conversation-time");
        unread.getStyleClass().add("unread-badge");
        phone.getStyleClass().add("conversation-phone");
        lastMessage.getStyleClass().add("conversation-last-message");
        mode.getStyleClass().addAll("badge", "badge-mode");
        attention.getStyleClass().addAll("badge", "badge-attention");
        simulated.getStyleClass().addAll("badge", "badge-simulated");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(6, name, spacer, time, unread);
        HBox badges = new HBox(4, mode, attention, simulated);
        layout = new VBox(2, top, phone, lastMessage, badges);
        setPrefWidth(0);
    }

    @Override
    protected void updateItem(Conversation conversation, boolean empty) {
        super.updateItem(conversation, empty);
        if (empty || conversation == null) {
            setGraphic(null);
            return;
        }
        name.setText(conversation.displayName());
        time.setText(Times.shortLabel(conversation.lastMessageAt() != null
                ? conversation.lastMessageAt() : conversation.updatedAt()));
        unread.setText(conversation.unreadCount() > 99 ? "99+" : Integer.toString(conversation.unreadCount()));
        show(unread, conversation.unreadCount() > 0);
        time.pseudoClassStateChanged(UNREAD, conversation.unreadCount() > 0);
        boolean named = conversation.leadName() != null && !conversation.leadName().isBlank();
        phone.setText(named ? conversation.leadPhone() : NAMELESS);
        lastMessage.setText(conversation.lastMessage() == null ? "" : conversation.lastMessage());
        mode.setText(conversation.humanMode() ? "HUMAN" : "BOT");
        mode.pseudoClassStateChanged(HUMAN, conversation.humanMode());
        show(attention, conversation.needsAttention());
        show(simulated, conversation.simulated());
        setGraphic(layout);
    }

    private static void show(Label badge, boolean visible) {
        badge.setVisible(visible);
        badge.setManaged(visible);
    }
}
