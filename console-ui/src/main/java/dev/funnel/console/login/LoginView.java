package dev.funnel.console.login;

import dev.funnel.console.common.Binds;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;

/** Binds the login form to its ViewModel. */
public final class LoginView {

    @FXML private Label serverLabel;
    @FXML private TextField email;
    @FXML private PasswordField password;
    @FXML private Label loginError;
    @FXML private Button loginButton;

    private final LoginViewModel viewModel;

    public LoginView(LoginViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        serverLabel.setText(viewModel.serverDescription());
        email.textProperty().bindBidirectional(viewModel.emailProperty());
        password.textProperty().bindBidirectional(viewModel.passwordProperty());
        Binds.message(loginError, viewModel.errorProperty());
        loginButton.disableProperty().bind(viewModel.canLoginProperty().not());
        // a remembered email means the password is what the person types next
        Platform.runLater(() -> (email.getText().isEmpty() ? email : password).requestFocus());
    }

    @FXML
    private void login() {
        viewModel.login();
    }

    @FXML
    private void changeServer() {
        viewModel.changeServer();
    }
}
