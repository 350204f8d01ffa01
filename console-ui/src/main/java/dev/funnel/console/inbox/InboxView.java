package dev.funnel.console.inbox;

import dev.funnel.console.backend.ConnectionState;
import dev.funnel.console.backend.Conversation;
import dev.funnel.console.common.Binds;
import dev.funnel.console.settings.LlmSettingsViewModel;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.PopOver;

/**
 * Binds the inbox: toolbar, language-model banner, conversation list and status bar (with the
 * rejected-webhooks warning and its popover). The chat and the simulator panel are included FXMLs
 * with their own Views.
 */
public final class InboxView {

    @FXML private Button simulateButton;
    @FXML private Region llmBanner;
    @FXML private Label llmBannerText;
    @FXML private TextField inboxSearch;
    @FXML private ListView<Conversation> conversationList;
    @FXML private Node simulatorPanel;
    @FXML private Label connectionStatus;
    @FXML private Label inboxError;
    @FXML private Label signedInAs;
    @FXML private Button rejectedWebhooks;
    @FXML private VBox rejectedWebhooksDetails;
    @FXML private ListView<String> rejectedWebhooksList;
    @FXML private Label unattributedWebhooks;
    @FXML private CheckBox soundToggle;

    private final InboxViewModel viewModel;
    private boolean listChanging;
    private PopOver rejectedWebhooksPopOver;

    public InboxView(InboxViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        Binds.shown(llmBanner, viewModel.languageModelMissingProperty());
        llmBannerText.setText(LlmSettingsViewModel.NOT_CONFIGURED);

        // Moving a conversation to the top makes the ListView shift or drop its selection by itself.
        // Those selection changes must not open another chat, so they are ignored between these two
        // listeners: the first is registered before the ListView's own (setItems), the second after it.
        // The same holds when the search narrows the list.
        ObservableList<Conversation> shown = viewModel.shownConversations();
        shown.addListener((ListChangeListener<Conversation>) change -> listChanging = true);
        conversationList.setItems(shown);
        shown.addListener((ListChangeListener<Conversation>) change -> {
            listChanging = false;
            reselectOpenConversation();
        });
        conversationList.setSkin(new ConversationListSkin(conversationList));
        conversationList.setCellFactory(list -> new ConversationCell());
        Label placeholder = new Label();
        placeholder.textProperty().bind(viewModel.emptyListTextProperty());
        conversationList.setPlaceholder(placeholder);
        inboxSearch.textProperty().bindBidirectional(viewModel.searchTextProperty());
        inboxSearch.addEventFilter(KeyEvent.KEY_PRESSED, this::arrowsToTheWindow);
        conversationList.getSelectionModel().selectedItemProperty().addListener((obs, old, selected) -> {
            if (selected != null && !listChanging) {
                viewModel.open(selected);
            }
        });
        // a conversation opened from elsewhere (a notification) is selected in the list too
        viewModel.chat().conversationProperty().addListener((obs, old, open) -> reselectOpenConversation());

        Binds.shown(simulatorPanel, viewModel.simulatorOpenProperty());
        simulateButton.textProperty().bind(viewModel.simulatorOpenProperty()
                .map(open -> open ? "Hide simulator" : "Simulate a lead"));

        connectionStatus.textProperty().bind(viewModel.connectionTextProperty());
        viewModel.connectionProperty().subscribe(state -> {
            for (ConnectionState each : ConnectionState.values()) {
                connectionStatus.pseudoClassStateChanged(PseudoClass.getPseudoClass(each.name().toLowerCase()),
                        each == state);
            }
        });
        Binds.message(inboxError, viewModel.errorProperty());
        signedInAs.setText(viewModel.signedInAs());
        soundToggle.selectedProperty().bindBidirectional(viewModel.soundOnProperty());

        Binds.message(rejectedWebhooks, viewModel.rejectedWebhooksSummaryProperty());
        rejectedWebhooksList.setItems(viewModel.rejectedWebhookLines());
        Binds.shown(rejectedWebhooksList, Bindings.isNotEmpty(viewModel.rejectedWebhookLines()));
        Binds.message(unattributedWebhooks, viewModel.unattributedWebhooksProperty());
        rejectedWebhooksPopOver = new PopOver(rejectedWebhooksDetails);
        rejectedWebhooksPopOver.setArrowLocation(PopOver.ArrowLocation.BOTTOM_LEFT);
        rejectedWebhooksPopOver.setDetachable(false);
    }

    private void reselectOpenConversation() {
        Conversation open = viewModel.chat().conversationProperty().get();
        if (open == null) {
            return;
        }
        for (int index = 0; index < viewModel.shownConversations().size(); index++) {
            if (viewModel.shownConversations().get(index).id().equals(open.id())) {
                if (conversationList.getSelectionModel().getSelectedIndex() != index) {
                    conversationList.getSelectionModel().select(index);
                }
                return;
            }
        }
        conversationList.getSelectionModel().clearSelection();
    }

    /** Ctrl+K: into the search field, its text selected so typing replaces it. */
    public void focusSearch() {
        inboxSearch.requestFocus();
        inboxSearch.selectAll();
    }

    /** The arrow keys move through the inbox unless they belong to a text field other than the search. */
    public boolean arrowsMoveSelection(Node focusOwner) {
        return focusOwner == inboxSearch || !(focusOwner instanceof TextInputControl);
    }

    /**
     * A text field takes Up and Down itself (caret to the start or end), before the window's
     * accelerators see them; in the search they run the window's shortcut for the key instead.
     */
    private void arrowsToTheWindow(KeyEvent event) {
        if (event.getCode() != KeyCode.UP && event.getCode() != KeyCode.DOWN) {
            return;
        }
        inboxSearch.getScene().getAccelerators().entrySet().stream()
                .filter(accelerator -> accelerator.getKey().match(event))
                .findFirst()
                .ifPresent(accelerator -> {
                    event.consume();
                    accelerator.getValue().run();
                });
    }

    @FXML
    private void toggleSimulator() {
        viewModel.toggleSimulator();
    }

    @FXML
    private void showRejectedWebhooks() {
        rejectedWebhooksPopOver.show(rejectedWebhooks);
    }

    @FXML
    private void refresh() {
        viewModel.refreshConversations();
    }

    @FXML
    private void openLeads() {
        viewModel.openLeads();
    }

    @FXML
    private void openWhatsAppSettings() {
        viewModel.openWhatsAppSettings();
    }

    @FXML
    private void openTemplates() {
        viewModel.openTemplates();
    }

    @FXML
    private void openLanguageModelSettings() {
        viewModel.openLanguageModelSettings();
    }

    @FXML
    private void openDashboard() {
        viewModel.openDashboard();
    }

    @FXML
    private void openPrompts() {
        viewModel.openPrompts();
    }

    @FXML
    private void openSettings() {
        viewModel.openSettings();
    }

    @FXML
    private void openKnowledge() {
        viewModel.openKnowledge();
    }
}
