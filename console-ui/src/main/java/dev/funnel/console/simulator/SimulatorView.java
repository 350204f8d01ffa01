package dev.funnel.console.simulator;

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

/** Binds the simulate-a-lead panel. Seen from the lead's side: the lead on the right, the business on the left. */
public final class SimulatorView {

    @FXML private TextField simPhone;
    @FXML private Label simPhoneProblem;
    @FXML private TextField simName;
    @FXML private TextField simText;
    @FXML private Button simSendButton;
    @FXML private Label simStatus;
    @FXML private Label simError;
    @FXML private ListView<Message> simChat;

    private final SimulatorViewModel viewModel;

    public SimulatorView(SimulatorViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        simPhone.textProperty().bindBidirectional(viewModel.phoneProperty());
        Binds.message(simPhoneProblem, viewModel.phoneProblemProperty());
        simName.textProperty().bindBidirectional(viewModel.nameProperty());
        simText.textProperty().bindBidirectional(viewModel.textProperty());
        simSendButton.disableProperty().bind(viewModel.canSendProperty().not());
        Binds.message(simStatus, viewModel.statusProperty());
        Binds.message(simError, viewModel.errorProperty());
        simChat.setItems(viewModel.chat());
        simChat.setCellFactory(list -> new MessageBubbleCell(list, SimulatorView::sender,
                m -> m.messageFrom() == MessageFrom.LEAD));
        simChat.setPlaceholder(new Label("Messages of this lead appear here."));
        viewModel.chat().addListener((ListChangeListener<Message>) change ->
                simChat.scrollTo(simChat.getItems().size() - 1));
    }

    private static String sender(Message message) {
        return message.messageFrom() == MessageFrom.LEAD ? "You (lead)"
                : message.messageFrom() == MessageFrom.HUMAN ? "Team" : "Bot";
    }

    /** Enter in the message field sends too. */
    @FXML
    private void send() {
        viewModel.send();
    }
}
