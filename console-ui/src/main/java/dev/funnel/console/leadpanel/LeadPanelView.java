package dev.funnel.console.leadpanel;

import dev.funnel.console.backend.Followup;
import dev.funnel.console.common.Binds;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;

/** Binds the lead side panel next to the chat to its {@link LeadPanelViewModel}. */
public final class LeadPanelView {

    @FXML private Label leadPanelPlaceholder;
    @FXML private Node leadPanelContent;
    @FXML private Label leadPanelTitle;
    @FXML private Label leadPanelStage;
    @FXML private Label leadPanelIntent;
    @FXML private Label leadPanelSentiment;
    @FXML private Label leadPanelSummary;
    @FXML private TextField leadPanelName;
    @FXML private TextField leadPanelEmail;
    @FXML private TextField leadPanelCompany;
    @FXML private Label leadPanelNameError;
    @FXML private Label leadPanelEmailError;
    @FXML private Label leadPanelCompanyError;
    @FXML private Button saveLeadPanelButton;
    @FXML private Label leadPanelError;
    @FXML private Label leadPanelStatus;
    @FXML private Label followupsHint;
    @FXML private Node cancelConfirmation;
    @FXML private Label cancelQuestion;
    @FXML private ListView<Followup> followupList;

    private final LeadPanelViewModel viewModel;

    public LeadPanelView(LeadPanelViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        Binds.shown(leadPanelContent, viewModel.shownProperty());
        Binds.shown(leadPanelPlaceholder, viewModel.shownProperty().not());
        leadPanelTitle.textProperty().bind(viewModel.titleProperty());
        leadPanelStage.textProperty().bind(viewModel.stageProperty());
        leadPanelIntent.textProperty().bind(viewModel.intentLevelProperty());
        leadPanelSentiment.textProperty().bind(viewModel.sentimentProperty());
        leadPanelSummary.textProperty().bind(viewModel.summaryProperty());
        leadPanelName.textProperty().bindBidirectional(viewModel.nameProperty());
        leadPanelEmail.textProperty().bindBidirectional(viewModel.emailProperty());
        leadPanelCompany.textProperty().bindBidirectional(viewModel.companyProperty());
        Binds.message(leadPanelNameError, viewModel.nameErrorProperty());
        Binds.message(leadPanelEmailError, viewModel.emailErrorProperty());
        Binds.message(leadPanelCompanyError, viewModel.companyErrorProperty());
        saveLeadPanelButton.disableProperty().bind(viewModel.canSaveProperty().not());
        Binds.message(leadPanelError, viewModel.errorProperty());
        Binds.message(leadPanelStatus, viewModel.statusProperty());
        Binds.message(followupsHint, viewModel.followupsHintProperty());
        Binds.message(cancelQuestion, viewModel.cancelQuestionProperty());
        Binds.shown(cancelConfirmation, viewModel.cancelQuestionProperty().isNotEmpty());
        followupList.setItems(viewModel.followups());
        followupList.setCellFactory(list -> new FollowupCell());
        Binds.shown(followupList, Bindings.isNotEmpty(viewModel.followups()));
    }

    @FXML
    private void save() {
        viewModel.save();
    }

    @FXML
    private void confirmCancel() {
        viewModel.confirmCancel();
    }

    @FXML
    private void keepFollowup() {
        viewModel.keepFollowup();
    }

    /** One follow-up's line, with a Cancel button while it is pending. */
    private final class FollowupCell extends ListCell<Followup> {

        private final Button cancel = new Button("Cancel…");

        FollowupCell() {
            setWrapText(true);
            setContentDisplay(ContentDisplay.RIGHT);
            cancel.getStyleClass().add("secondary");
            cancel.setOnAction(event -> viewModel.askToCancel(getItem()));
        }

        @Override
        protected void updateItem(Followup followup, boolean empty) {
            super.updateItem(followup, empty);
            setText(empty || followup == null ? null : LeadPanelViewModel.describe(followup));
            setGraphic(empty || followup == null || !followup.pending() ? null : cancel);
        }
    }
}
