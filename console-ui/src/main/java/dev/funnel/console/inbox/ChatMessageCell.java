package dev.funnel.console.inbox;

import dev.funnel.console.backend.Message;
import dev.funnel.console.backend.MessageFrom;
import dev.funnel.console.common.MessageBubbleCell;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * A chat bubble with what the inbox adds: the quoted message above a reply (a click scrolls to it), an
 * image or sticker as a thumbnail fetched in the background, other media as a chip with Open and
 * Save, shared contacts with their numbers, a shared place with a link to the map, and the lead's
 * reaction under the bubble.
 */
final class ChatMessageCell extends MessageBubbleCell {

    /** Thumbnails are decoded at twice the shown size, sharp on high-density screens. */
    private static final double THUMBNAIL = 220;

    /** What the chat view does for a click: scroll to a quoted message, open or save media, open a map link. */
    record Actions(Consumer<Message> showQuoted, Consumer<Message> open, Consumer<Message> save,
                   Consumer<String> browse) {
    }

    private final ChatViewModel chat;
    private final Actions actions;
    private final Label quote = new Label();
    private final ImageView thumbnail = new ImageView();
    private final Label chipText = new Label();
    private final Button openButton = new Button("Open");
    private final Button saveButton = new Button("Save…");
    private final HBox chip;
    private final Label reaction = new Label();
    private final Hyperlink map = new Hyperlink("Open the map");

    ChatMessageCell(ListView<Message> list, ChatViewModel chat, Actions actions) {
        super(list, chat::senderLabel, m -> m.messageFrom() != MessageFrom.LEAD);
        this.chat = chat;
        this.actions = actions;
        quote.getStyleClass().add("bubble-quote");
        quote.setWrapText(true);
        quote.setMaxWidth(Double.MAX_VALUE);
        quote.setOnMouseClicked(event -> chat.quoted(getItem()).ifPresent(actions.showQuoted()));
        thumbnail.getStyleClass().add("media-thumbnail");
        thumbnail.setPreserveRatio(true);
        thumbnail.setFitWidth(THUMBNAIL);
        thumbnail.setFitHeight(THUMBNAIL);
        thumbnail.setOnMouseClicked(event -> actions.open().accept(getItem()));
        openButton.getStyleClass().add("secondary");
        saveButton.getStyleClass().add("secondary");
        openButton.setOnAction(event -> actions.open().accept(getItem()));
        saveButton.setOnAction(event -> actions.save().accept(getItem()));
        chipText.setWrapText(true);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        chip = new HBox(6, chipText, spacer, openButton, saveButton);
        chip.getStyleClass().add("media-chip");
        reaction.getStyleClass().add("reaction-badge");
        map.setOnAction(event -> actions.browse().accept(getItem().locationUrl()));
    }

    @Override
    protected String text(Message message) {
        return message.contactCards() == null ? super.text(message) : "👤 " + message.contactCards()
                .replace("\n", "\n👤 ");
    }

    @Override
    protected List<Node> above(Message message) {
        List<Node> nodes = new ArrayList<>();
        chat.quoted(message).ifPresent(quoted -> {
            quote.setText(chat.quoteSnippet(quoted));
            nodes.add(quote);
        });
        if (ChatMedia.hasThumbnail(message)) {
            thumbnail.setImage(null);
            chat.media().load(message, bytes -> {
                if (message.equals(getItem())) {
                    thumbnail.setImage(new Image(new ByteArrayInputStream(bytes), THUMBNAIL * 2, THUMBNAIL * 2,
                            true, true));
                }
            });
            nodes.add(thumbnail);
        } else if (message.hasMedia()) {
            chipText.setText(ChatMedia.label(message));
            nodes.add(chip);
        }
        return nodes;
    }

    /** Media shows only its caption; a bracketed "[image]" or "[document: quote.pdf]" adds nothing to it. */
    @Override
    protected boolean showsText(Message message) {
        return !message.hasMedia() || !bracketed(message.content());
    }

    @Override
    protected List<Node> below(Message message) {
        List<Node> nodes = new ArrayList<>();
        if (message.locationUrl() != null) {
            nodes.add(map);
        }
        if (message.leadReaction() != null) {
            reaction.setText(message.leadReaction());
            nodes.add(reaction);
        }
        return nodes;
    }

    private static boolean bracketed(String text) {
        return text == null || text.isBlank() || (text.startsWith("[") && text.endsWith("]"));
    }
}
