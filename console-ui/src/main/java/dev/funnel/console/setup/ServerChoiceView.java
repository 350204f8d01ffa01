package dev.funnel.console.setup;

import dev.funnel.console.common.Binds;
import dev.funnel.console.common.ServerChoice.Mode;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;

/** Binds the server-choice form to its ViewModel. */
public final class ServerChoiceView {

    @FXML private RadioButton embeddedChoice;
    @FXML private RadioButton remoteChoice;
    @FXML private Label embeddedUnavailable;
    @FXML private TextField serverUrl;
    @FXML private Label serverUrlProblem;
    @FXML private ProgressIndicator connectSpinner;
    @FXML private Label connectProgress;
    @FXML private Label connectError;
    @FXML private Button connectButton;

    private final ServerChoiceViewModel viewModel;

    public ServerChoiceView(ServerChoiceViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        ToggleGroup modes = new ToggleGroup();
        embeddedChoice.setToggleGroup(modes);
        remoteChoice.setToggleGroup(modes);
        modes.selectToggle(viewModel.modeProperty().get() == Mode.EMBEDDED ? embeddedChoice : remoteChoice);
        modes.selectedToggleProperty().addListener((obs, old, selected) ->
                viewModel.modeProperty().set(selected == remoteChoice ? Mode.REMOTE : Mode.EMBEDDED));
        embeddedChoice.setDisable(!viewModel.embeddedAvailable());
        embeddedUnavailable.setVisible(!viewModel.embeddedAvailable());
        embeddedUnavailable.setManaged(!viewModel.embeddedAvailable());

        serverUrl.textProperty().bindBidirectional(viewModel.serverUrlProperty());
        serverUrl.disableProperty().bind(viewModel.modeProperty().isNotEqualTo(Mode.REMOTE)
                .or(viewModel.busyProperty()));
        Binds.message(serverUrlProblem, viewModel.urlProblemProperty());
        Binds.message(connectProgress, viewModel.progressProperty());
        Binds.shown(connectSpinner, viewModel.busyProperty());
        Binds.message(connectError, viewModel.errorProperty());
        connectButton.disableProperty().bind(viewModel.canConnectProperty().not());
    }

    @FXML
    private void connect() {
        viewModel.connect();
    }
}
