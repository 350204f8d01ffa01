package dev.funnel.console.leads;

import dev.funnel.console.common.Binds;
import java.util.List;
import javafx.fxml.FXML;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/** Binds the add/edit lead form to {@link LeadFormViewModel}; asks before a lead is deleted. */
public final class LeadFormView {

    @FXML private Label leadFormTitle;
    @FXML private Label leadFormHint;
    @FXML private VBox leadFields;
    @FXML private TextField leadPhone;
    @FXML private TextField leadName;
    @FXML private TextField leadEmail;
    @FXML private TextField leadCompany;
    @FXML private VBox leadStateFields;
    @FXML private ComboBox<String> leadStage;
    @FXML private ComboBox<String> leadIntentLevel;
    @FXML private ComboBox<String> leadSentiment;
    @FXML private Label leadPhoneError;
    @FXML private Label leadNameError;
    @FXML private Label leadEmailError;
    @FXML private Label leadCompanyError;
    @FXML private Label leadStageError;
    @FXML private Label leadIntentLevelError;
    @FXML private Label leadSentimentError;
    @FXML private Label leadFormError;
    @FXML private Label leadFormStatus;
    @FXML private Button saveLeadButton;
    @FXML private Button deleteLeadButton;

    private final LeadsViewModel leads;
    private final LeadFormViewModel viewModel;

    public LeadFormView(LeadsViewModel leads) {
        this.leads = leads;
        this.viewModel = leads.form();
    }

    @FXML
    private void initialize() {
        leadFormTitle.textProperty().bind(viewModel.titleProperty());
        Binds.shown(leadFormTitle, viewModel.openProperty());
        Binds.shown(leadFormHint, viewModel.openProperty().not());
        Binds.shown(leadFields, viewModel.openProperty());
        Binds.shown(leadStateFields, viewModel.editingProperty());
        Binds.shown(deleteLeadButton, viewModel.editingProperty());
        leadPhone.textProperty().bindBidirectional(viewModel.phoneProperty());
        leadPhone.disableProperty().bind(viewModel.editingProperty()); // the number identifies the lead on WhatsApp
        leadName.textProperty().bindBidirectional(viewModel.nameProperty());
        leadEmail.textProperty().bindBidirectional(viewModel.emailProperty());
        leadCompany.textProperty().bindBidirectional(viewModel.companyProperty());
        choices(leadStage, LeadStates.STAGES);
        leadStage.valueProperty().bindBidirectional(viewModel.stageProperty());
        choices(leadIntentLevel, LeadStates.INTENT_LEVELS);
        leadIntentLevel.valueProperty().bindBidirectional(viewModel.intentLevelProperty());
        choices(leadSentiment, LeadStates.SENTIMENTS);
        leadSentiment.valueProperty().bindBidirectional(viewModel.sentimentProperty());
        Binds.message(leadPhoneError, viewModel.phoneErrorProperty());
        Binds.message(leadNameError, viewModel.nameErrorProperty());
        Binds.message(leadEmailError, viewModel.emailErrorProperty());
        Binds.message(leadCompanyError, viewModel.companyErrorProperty());
        Binds.message(leadStageError, viewModel.stageErrorProperty());
        Binds.message(leadIntentLevelError, viewModel.intentLevelErrorProperty());
        Binds.message(leadSentimentError, viewModel.sentimentErrorProperty());
        Binds.message(leadFormError, viewModel.errorProperty());
        Binds.message(leadFormStatus, viewModel.statusProperty());
        saveLeadButton.disableProperty().bind(viewModel.canSaveProperty().not());
        deleteLeadButton.disableProperty().bind(viewModel.busyProperty());
    }

    private static void choices(ComboBox<String> box, List<String> ids) {
        box.getItems().setAll(ids);
        box.setConverter(LeadsView.labels(""));
    }

    @FXML
    private void save() {
        viewModel.save();
    }

    @FXML
    private void delete() {
        String question = leads.deleteQuestion();
        if (question == null) {
            return;
        }
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, question, ButtonType.CANCEL, ButtonType.OK);
        confirm.setTitle("Delete lead");
        confirm.setHeaderText(null);
        confirm.initOwner(deleteLeadButton.getScene().getWindow());
        confirm.showAndWait().filter(ButtonType.OK::equals).ifPresent(ok -> leads.deleteSelected());
    }

    @FXML
    private void close() {
        viewModel.close();
    }
}
