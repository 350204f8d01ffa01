package dev.funnel.console.inbox;

import dev.funnel.console.backend.Message;
import dev.funnel.console.common.Binds;
import dev.funnel.console.trace.TraceView;
import java.awt.Desktop;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;

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
    @FXML private Button suggestButton;
    @FXML private Label suggestError;

    private final ChatViewModel viewModel;
    private final MenuItem whyItem = new MenuItem("Why did the bot say this?");

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
        ChatMessageCell.Actions actions = new ChatMessageCell.Actions(this::showQuoted, this::openMedia,
                this::saveMedia, url -> viewModel.openLink(url, ChatView::browse));
        chatMessages.setCellFactory(list -> new ChatMessageCell(list, viewModel, actions));
        chatMessages.setPlaceholder(new Label("No messages yet."));
        viewModel.messages().addListener((ListChangeListener<Message>) change ->
                chatMessages.scrollTo(chatMessages.getItems().size() - 1));

        replyField.textProperty().bindBidirectional(viewModel.replyProperty());
        replyField.disableProperty().bind(viewModel.canTypeProperty().not());
        sendButton.disableProperty().bind(viewModel.canSendProperty().not());
        Binds.message(replyHint, viewModel.replyHintProperty());
        Binds.message(chatError, viewModel.errorProperty());

        chatMessages.setOnContextMenuRequested(event -> {
            Message selected = chatMessages.getSelectionModel().getSelectedItem();
            whyItem.setDisable(selected == null || viewModel.trace(selected).isEmpty());
        });
        chatMessages.setContextMenu(new ContextMenu(whyItem));
        whyItem.setOnAction(event -> viewModel.trace(chatMessages.getSelectionModel().getSelectedItem())
                .ifPresent(trace -> TraceView.open(trace, chatMessages.getScene().getWindow())));
        suggestButton.disableProperty().bind(viewModel.suggestReply().canSuggestProperty().not());
        suggestButton.textProperty().bind(viewModel.suggestReply().busyProperty().map(busy -> busy
                ? "Drafting\u2026" : "Suggest reply"));
        Binds.message(suggestError, viewModel.suggestReply().errorProperty());
    }

    private void showQuoted(Message quoted) {
        int index = chatMessages.getItems().indexOf(quoted);
        if (index >= 0) {
            chatMessages.scrollTo(index);
            chatMessages.getSelectionModel().select(index);
        }
    }

    private void openMedia(Message message) {
        viewModel.media().openCopy(message, ChatView::openOnDesktop);
    }

    private void saveMedia(Message message) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save the lead's " + message.messageType());
        chooser.setInitialFileName(ChatMedia.fileName(message));
        File target = chooser.showSaveDialog(chatMessages.getScene().getWindow());
        if (target != null) {
            viewModel.media().save(message, target.toPath());
        }
    }

    /** Runs in the background: the desktop's application for the file type may take a while to start. */
    private static void openOnDesktop(Path file) {
        if (!Desktop.isDesktopSupported() || !Desktop.getDesktop().isSupported(Desktop.Action.OPEN)) {
            throw new UnsupportedOperationException("this desktop cannot open files for Funnel; use Save… instead");
        }
        try {
            Desktop.getDesktop().open(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs in the background, like {@link #openOnDesktop}. */
    private static void browse(URI link) {
        if (!Desktop.isDesktopSupported() || !Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
            throw new UnsupportedOperationException("this desktop cannot open links for Funnel: " + link);
        }
        try {
            Desktop.getDesktop().browse(link);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FXML
    private void suggestReply() {
        viewModel.suggestReply().suggest();
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
