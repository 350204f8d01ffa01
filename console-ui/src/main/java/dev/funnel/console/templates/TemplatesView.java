package dev.funnel.console.templates;

import dev.funnel.console.backend.Template;
import dev.funnel.console.common.Binds;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.Region;

/** Binds the Templates screen (toolbar, WhatsApp banner, list, actions) to {@link TemplatesViewModel}; the form is its own View. */
public final class TemplatesView {

    @FXML private Button syncTemplatesButton;
    @FXML private Region accountBanner;
    @FXML private Label accountBannerText;
    @FXML private ListView<Template> templateList;
    @FXML private Label templateStatus;
    @FXML private Region deleteConfirmation;
    @FXML private Label deleteQuestion;
    @FXML private Label templatesNotice;
    @FXML private Label templatesError;
    @FXML private Button saveTemplateButton;
    @FXML private Button submitTemplateButton;
    @FXML private Button refreshTemplateButton;
    @FXML private Button deleteTemplateButton;

    private final TemplatesViewModel viewModel;

    public TemplatesView(TemplatesViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        Binds.message(accountBannerText, viewModel.accountProblemProperty());
        Binds.shown(accountBanner, accountBannerText.visibleProperty());
        syncTemplatesButton.disableProperty().bind(viewModel.busyProperty());

        templateList.setItems(viewModel.templates());
        templateList.setCellFactory(list -> new TemplateCell());
        templateList.setPlaceholder(new Label("No templates yet. Write one, or sync the ones Meta already has."));
        templateList.getSelectionModel().selectedItemProperty().addListener((obs, old, chosen) -> {
            if (chosen != null && chosen != viewModel.selectedProperty().get()) {
                viewModel.select(chosen);
            }
        });
        viewModel.selectedProperty().subscribe(selected -> {
            if (selected == null) {
                templateList.getSelectionModel().clearSelection();
            } else if (templateList.getSelectionModel().getSelectedItem() != selected) {
                templateList.getSelectionModel().select(selected);
            }
        });

        templateStatus.textProperty().bind(viewModel.statusProperty());
        Binds.shown(deleteConfirmation, viewModel.confirmingDeleteProperty());
        deleteQuestion.textProperty().bind(viewModel.deleteQuestionProperty());
        Binds.message(templatesNotice, viewModel.noticeProperty());
        Binds.message(templatesError, viewModel.errorProperty());
        saveTemplateButton.disableProperty().bind(viewModel.canSaveProperty().not());
        submitTemplateButton.disableProperty().bind(viewModel.canSaveProperty().not());
        refreshTemplateButton.disableProperty().bind(viewModel.canRefreshProperty().not());
        deleteTemplateButton.disableProperty().bind(viewModel.canDeleteProperty().not());
        viewModel.load();
    }

    @FXML
    private void startNew() {
        viewModel.startNew();
    }

    @FXML
    private void sync() {
        viewModel.sync();
    }

    @FXML
    private void save() {
        viewModel.save();
    }

    @FXML
    private void submit() {
        viewModel.submit();
    }

    @FXML
    private void refreshStatus() {
        viewModel.refreshStatus();
    }

    @FXML
    private void requestDelete() {
        viewModel.requestDelete();
    }

    @FXML
    private void confirmDelete() {
        viewModel.confirmDelete();
    }

    @FXML
    private void cancelDelete() {
        viewModel.cancelDelete();
    }

    @FXML
    private void openWhatsAppSettings() {
        viewModel.openWhatsAppSettings();
    }

    @FXML
    private void backToInbox() {
        viewModel.backToInbox();
    }
}
