package dev.funnel.console.common;

import dev.funnel.console.backend.Message;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * A chat bubble: who wrote it, the text, the time and the delivery status (with the error when
 * WhatsApp refused it). {@code onRight} decides the side: our side is on the right, as in WhatsApp.
 * The inbox's chat adds what it shows around the text (a quote, media, a reaction) through the hooks.
 */
public class MessageBubbleCell extends ListCell<Message> {

    private static final double BUBBLE_SHARE_OF_WIDTH = 0.72;

    private final Function<Message, String> sender;
    private final Predicate<Message> onRight;
    private final Label from = new Label();
    private final Label content = new Label();
    private final Label meta = new Label();
    private final VBox bubble = new VBox(2, from, content, meta);
    private final HBox row = new HBox(bubble);

    public MessageBubbleCell(ListView<Message> list, Function<Message, String> sender, Predicate<Message> onRight) {
        this.sender = sender;
        this.onRight = onRight;
        getStyleClass().add("message-cell");
        bubble.getStyleClass().add("bubble");
        from.getStyleClass().add("bubble-sender");
        content.getStyleClass().add("bubble-text");
        content.setWrapText(true);
        meta.getStyleClass().add("bubble-meta");
        meta.setWrapText(true);
        bubble.maxWidthProperty().bind(list.widthProperty().multiply(BUBBLE_SHARE_OF_WIDTH));
        // without this the cell asks for the text's full width and the list scrolls sideways
        setPrefWidth(0);
    }

    @Override
    protected void updateItem(Message message, boolean empty) {
        super.updateItem(message, empty);
        if (empty || message == null) {
            setGraphic(null);
            return;
        }
        boolean right = onRight.test(message);
        row.setAlignment(right ? Pos.CENTER_RIGHT : Pos.CENTER_LEFT);
        bubble.getStyleClass().removeAll("bubble-lead", "bubble-bot", "bubble-human", "bubble-failed");
        bubble.getStyleClass().add("bubble-" + (message.messageFrom() == null ? "lead"
                : message.messageFrom().name().toLowerCase()));
        if (message.failed()) {
            bubble.getStyleClass().add("bubble-failed");
        }
        from.setText(sender.apply(message));
        content.setText(text(message));
        meta.setText(metaLine(message));
        bubble.getChildren().setAll(from);
        bubble.getChildren().addAll(above(message));
        if (showsText(message)) {
            bubble.getChildren().add(content);
        }
        bubble.getChildren().add(meta);
        bubble.getChildren().addAll(below(message));
        setGraphic(row);
    }

    /** The bubble's text: the message's, or its type in brackets when it has none. */
    protected String text(Message message) {
        return message.content() == null || message.content().isBlank()
                ? "[" + (message.messageType() == null ? "message" : message.messageType()) + "]" : message.content();
    }

    /** Shown between the sender and the text: none here. */
    protected List<Node> above(Message message) {
        return List.of();
    }

    /** Shown under the time and status: none here. */
    protected List<Node> below(Message message) {
        return List.of();
    }

    /** Whether the text line is shown; a media preview may say it all. */
    protected boolean showsText(Message message) {
        return true;
    }

    private static String metaLine(Message message) {
        String time = Times.clockTime(message.createdAt());
        String status = message.status() == null || message.status().isBlank() ? "" : message.status();
        if (message.failed() && message.error() != null && !message.error().isBlank()) {
            status = "failed: " + message.error();
        }
        return status.isEmpty() ? time : time + "  ·  " + status;
    }
}
