package dev.funnel.console.settings;

import dev.funnel.console.common.Binds;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;

/** Binds the WhatsApp connection form to its ViewModel. */
public final class WhatsAppSettingsView {

    private static final PseudoClass CONNECTED = PseudoClass.getPseudoClass("connected");

    @FXML private Label whatsAppStatus;
    @FXML private TextField phoneNumberId;
    @FXML private PasswordField whatsAppAccessToken;
    @FXML private TextField businessAccountId;
    @FXML private TextField displayPhoneNumber;
    @FXML private Label whatsAppError;
    @FXML private Button saveWhatsAppButton;
    @FXML private Button disconnectWhatsAppButton;
    @FXML private Button leaveWhatsAppButton;

    private final WhatsAppSettingsViewModel viewModel;

    public WhatsAppSettingsView(WhatsAppSettingsViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        whatsAppStatus.textProperty().bind(viewModel.connectionStatusProperty());
        viewModel.connectedProperty().subscribe(connected ->
                whatsAppStatus.pseudoClassStateChanged(CONNECTED, connected));
        phoneNumberId.textProperty().bindBidirectional(viewModel.phoneNumberIdProperty());
        whatsAppAccessToken.textProperty().bindBidirectional(viewModel.accessTokenProperty());
        businessAccountId.textProperty().bindBidirectional(viewModel.businessAccountIdProperty());
        displayPhoneNumber.textProperty().bindBidirectional(viewModel.displayPhoneNumberProperty());
        Binds.message(whatsAppError, viewModel.errorProperty());
        saveWhatsAppButton.disableProperty().bind(viewModel.canSaveProperty().not());
        Binds.shown(disconnectWhatsAppButton, viewModel.connectedProperty());
        disconnectWhatsAppButton.disableProperty().bind(viewModel.busyProperty());
        leaveWhatsAppButton.setText(viewModel.leaveLabel());
        viewModel.load();
    }

    @FXML
    private void save() {
        viewModel.save();
    }

    @FXML
    private void disconnect() {
        viewModel.disconnect();
    }

    @FXML
    private void leave() {
        viewModel.leave();
    }
}
