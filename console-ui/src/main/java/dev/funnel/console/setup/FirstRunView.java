package dev.funnel.console.setup;

import dev.funnel.console.common.Binds;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;

/** Binds the first-run (create organisation) form to its ViewModel. */
public final class FirstRunView {

    @FXML private TextField organisationName;
    @FXML private Label organisationNameProblem;
    @FXML private TextField fullName;
    @FXML private Label fullNameProblem;
    @FXML private TextField signupEmail;
    @FXML private Label signupEmailProblem;
    @FXML private PasswordField signupPassword;
    @FXML private Label signupPasswordProblem;
    @FXML private PasswordField signupPasswordConfirmation;
    @FXML private Label signupPasswordConfirmationProblem;
    @FXML private Label signupError;
    @FXML private Button createOrganisationButton;

    private final FirstRunViewModel viewModel;

    public FirstRunView(FirstRunViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        organisationName.textProperty().bindBidirectional(viewModel.organisationNameProperty());
        fullName.textProperty().bindBidirectional(viewModel.nameProperty());
        signupEmail.textProperty().bindBidirectional(viewModel.emailProperty());
        signupPassword.textProperty().bindBidirectional(viewModel.passwordProperty());
        signupPasswordConfirmation.textProperty().bindBidirectional(viewModel.passwordConfirmationProperty());
        Binds.message(organisationNameProblem, viewModel.organisationNameProblemProperty());
        Binds.message(fullNameProblem, viewModel.nameProblemProperty());
        Binds.message(signupEmailProblem, viewModel.emailProblemProperty());
        Binds.message(signupPasswordProblem, viewModel.passwordProblemProperty());
        Binds.message(signupPasswordConfirmationProblem, viewModel.confirmationProblemProperty());
        Binds.message(signupError, viewModel.errorProperty());
        createOrganisationButton.disableProperty().bind(viewModel.busyProperty());
    }

    @FXML
    private void createOrganisation() {
        viewModel.createOrganisation();
    }

    @FXML
    private void changeServer() {
        viewModel.changeServer();
    }
}
