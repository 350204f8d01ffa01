package dev.funnel.console.ctas;

import dev.funnel.console.backend.Cta;
import dev.funnel.console.common.Binds;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.Region;

/** Binds the list of calls to action and the form that creates or edits one to the ViewModel. */
public final class CtasView {

    @FXML private ListView<Cta> ctaList;
    @FXML private Label ctaFormTitle;
    @FXML private TextField ctaName;
    @FXML private Label ctaNameProblem;
    @FXML private ChoiceBox<String> ctaType;
    @FXML private Label ctaTypeProblem;
    @FXML private TextArea ctaDescription;
    @FXML private Label ctaDescriptionProblem;
    @FXML private TextField ctaUrl;
    @FXML private Label ctaUrlProblem;
    @FXML private CheckBox ctaActive;
    @FXML private Label ctaError;
    @FXML private Label ctaStatus;
    @FXML private Button saveCtaButton;
    @FXML private Button deleteCtaButton;
    @FXML private Region ctaDeleteConfirmation;
    @FXML private Label ctaDeleteQuestion;

    private final CtasViewModel viewModel;

    public CtasView(CtasViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        ctaList.setItems(viewModel.ctas());
        ctaList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Cta cta, boolean empty) {
                super.updateItem(cta, empty);
                setText(empty || cta == null ? null : cta.name() + "\n" + CtasViewModel.summary(cta));
            }
        });
        ctaList.getSelectionModel().selectedItemProperty().addListener(
                (observable, before, cta) -> viewModel.selectedProperty().set(cta));
        viewModel.selectedProperty().addListener((observable, before, cta) -> {
            if (cta == null) {
                ctaList.getSelectionModel().clearSelection();
            } else {
                ctaList.getSelectionModel().select(cta);
            }
        });
        ctaFormTitle.textProperty().bind(viewModel.formTitleProperty());
        ctaName.textProperty().bindBidirectional(viewModel.nameProperty());
        Binds.message(ctaNameProblem, viewModel.problemProperty(CtasViewModel.NAME));
        ctaType.getItems().setAll(CtasViewModel.TYPES);
        ctaType.valueProperty().bindBidirectional(viewModel.typeProperty());
        Binds.message(ctaTypeProblem, viewModel.problemProperty(CtasViewModel.TYPE));
        ctaDescription.textProperty().bindBidirectional(viewModel.descriptionProperty());
        Binds.message(ctaDescriptionProblem, viewModel.problemProperty(CtasViewModel.DESCRIPTION));
        ctaUrl.textProperty().bindBidirectional(viewModel.urlProperty());
        Binds.message(ctaUrlProblem, viewModel.problemProperty(CtasViewModel.URL));
        ctaActive.selectedProperty().bindBidirectional(viewModel.activeProperty());
        Binds.message(ctaError, viewModel.errorProperty());
        Binds.message(ctaStatus, viewModel.statusProperty());
        saveCtaButton.disableProperty().bind(viewModel.canSaveProperty().not());
        deleteCtaButton.disableProperty().bind(viewModel.selectedProperty().isNull());
        Binds.shown(ctaDeleteConfirmation, viewModel.pendingDeleteProperty().isNotNull());
        ctaDeleteQuestion.textProperty().bind(viewModel.deleteQuestionProperty());
        viewModel.load();
    }

    @FXML
    private void startNew() {
        viewModel.startNew();
    }

    @FXML
    private void save() {
        viewModel.save();
    }

    @FXML
    private void askDelete() {
        viewModel.askDelete();
    }

    @FXML
    private void confirmDelete() {
        viewModel.confirmDelete();
    }

    @FXML
    private void cancelDelete() {
        viewModel.cancelDelete();
    }
}
