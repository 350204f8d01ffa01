package dev.funnel.console.inbox;

import dev.funnel.console.backend.Message;
import dev.funnel.console.backend.MessageFrom;
import dev.funnel.console.common.Binds;
import dev.funnel.console.common.MessageBubbleCell;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.Region;

/** Binds the chat pane (header, messages, reply box) to {@link ChatViewModel}. */
public final class ChatView {

    @FXML private Region chatHeader;
    @FXML private Label leadName;
    @FXML private Label leadDetails;
    @FXML private Button takeoverButton;
    @FXML private ListView<Message> chatMessages;
    @FXML private Label noConversationPlaceholder;
    @FXML private Region replyBar;
    @FXML private Label replyHint;
    @FXML private Label chatError;
    @FXML private TextField replyField;
    @FXML private Button sendButton;

    private final ChatViewModel viewModel;

    public ChatView(ChatViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        Binds.shown(chatHeader, viewModel.openProperty());
        Binds.shown(chatMessages, viewModel.openProperty());
        Binds.shown(replyBar, viewModel.openProperty());
        Binds.shown(noConversationPlaceholder, viewModel.openProperty().not());
        leadName.textProperty().bind(viewModel.titleProperty());
        leadDetails.textProperty().bind(viewModel.detailsProperty());
        takeoverButton.textProperty().bind(viewModel.takeoverLabelProperty());
        takeoverButton.disableProperty().bind(viewModel.busyProperty());
        viewModel.humanModeProperty().subscribe(human -> {
            takeoverButton.getStyleClass().removeAll("primary", "secondary");
            takeoverButton.getStyleClass().add(human ? "secondary" : "primary");
        });

        chatMessages.setItems(viewModel.messages());
        // the operator's view: the lead on the left, the bot and the team on the right
        chatMessages.setCellFactory(list -> new MessageBubbleCell(list, viewModel::senderLabel,
                m -> m.messageFrom() != MessageFrom.LEAD));
        chatMessages.setPlaceholder(new Label("No messages yet."));
        viewModel.messages().addListener((ListChangeListener<Message>) change ->
                chatMessages.scrollTo(chatMessages.getItems().size() - 1));

        replyField.textProperty().bindBidirectional(viewModel.replyProperty());
        replyField.disableProperty().bind(viewModel.canTypeProperty().not());
        sendButton.disableProperty().bind(viewModel.canSendProperty().not());
        Binds.message(replyHint, viewModel.replyHintProperty());
        Binds.message(chatError, viewModel.errorProperty());
    }

    /** Enter in the reply field sends too (TextField's action). */
    @FXML
    private void send() {
        viewModel.send();
    }

    @FXML
    private void toggleTakeover() {
        viewModel.toggleTakeover();
    }
}
