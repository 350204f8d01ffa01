package dev.funnel.console.prompts;

import dev.funnel.console.backend.Prompt;
import dev.funnel.console.backend.PromptStep;
import dev.funnel.console.common.Binds;
import java.util.Locale;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** Binds the prompt editor, its step tabs and its variable list to the ViewModel. */
public final class PromptsView {

    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");

    @FXML private HBox promptSteps;
    @FXML private Label promptStepDescription;
    @FXML private Label promptStatus;
    @FXML private Label promptReadOnly;
    @FXML private HBox unsavedBar;
    @FXML private Label unsavedWarning;
    @FXML private TextArea promptText;
    @FXML private Label promptTextProblem;
    @FXML private Label promptError;
    @FXML private Label promptSaved;
    @FXML private Button savePromptButton;
    @FXML private Button revertPromptButton;
    @FXML private Button resetPromptButton;
    @FXML private ListView<Prompt.Variable> promptVariables;

    private final PromptsViewModel viewModel;

    public PromptsView(PromptsViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        for (PromptStep step : PromptStep.values()) {
            Button tab = new Button(step.id().substring(0, 1).toUpperCase(Locale.ROOT) + step.id().substring(1));
            tab.setId("promptStep" + tab.getText());
            tab.getStyleClass().add("step-tab");
            tab.setOnAction(e -> viewModel.select(step));
            promptSteps.getChildren().add(tab);
        }
        viewModel.stepProperty().addListener((obs, old, now) -> markSelectedStep());
        markSelectedStep();
        Binds.message(promptStepDescription, viewModel.stepDescriptionProperty());
        Binds.message(promptStatus, viewModel.statusProperty());
        promptReadOnly.setText(PromptsViewModel.READ_ONLY_NOTICE);
        Binds.shown(promptReadOnly, viewModel.readOnlyProperty());
        unsavedWarning.textProperty().bind(viewModel.unsavedWarningProperty());
        Binds.shown(unsavedBar, viewModel.unsavedWarningProperty().isNotEmpty());
        promptText.textProperty().bindBidirectional(viewModel.textProperty());
        promptText.editableProperty().bind(viewModel.readOnlyProperty().not());
        Binds.message(promptTextProblem, viewModel.textProblemProperty());
        Binds.message(promptError, viewModel.errorProperty());
        Binds.message(promptSaved, viewModel.savedProperty());
        savePromptButton.disableProperty().bind(viewModel.canSaveProperty().not());
        revertPromptButton.disableProperty().bind(viewModel.dirtyProperty().not());
        resetPromptButton.disableProperty().bind(viewModel.canResetProperty().not());
        promptVariables.setItems(viewModel.variables());
        promptVariables.setCellFactory(list -> new VariableCell());
        viewModel.load();
    }

    private void markSelectedStep() {
        for (int i = 0; i < promptSteps.getChildren().size(); i++) {
            promptSteps.getChildren().get(i).pseudoClassStateChanged(SELECTED, i == viewModel.stepProperty().get().ordinal());
        }
    }

    /** A double click puts the variable into the text at the caret. */
    private void insert(MouseEvent click, Prompt.Variable variable) {
        if (click.getClickCount() == 2 && variable != null && promptText.isEditable()) {
            promptText.insertText(promptText.getCaretPosition(), "{{" + variable.name() + "}}");
            promptText.requestFocus();
        }
    }

    private final class VariableCell extends ListCell<Prompt.Variable> {

        private final Label name = new Label();
        private final Label description = new Label();
        private final VBox box = new VBox(2, name, description);

        VariableCell() {
            name.getStyleClass().add("variable-name");
            description.getStyleClass().add("hint-text");
            description.setWrapText(true);
            description.maxWidthProperty().bind(promptVariables.widthProperty().subtract(30));
            setPrefWidth(0);
            setOnMouseClicked(click -> insert(click, getItem()));
        }

        @Override
        protected void updateItem(Prompt.Variable variable, boolean empty) {
            super.updateItem(variable, empty);
            if (empty || variable == null) {
                setGraphic(null);
                return;
            }
            name.setText("{{" + variable.name() + "}}");
            description.setText(variable.description());
            setGraphic(box);
        }
    }

    @FXML
    private void save() {
        viewModel.save();
    }

    @FXML
    private void revert() {
        viewModel.revert();
    }

    @FXML
    private void resetToDefault() {
        viewModel.resetToDefault();
    }

    @FXML
    private void discardAndContinue() {
        viewModel.discardAndContinue();
    }

    @FXML
    private void keepEditing() {
        viewModel.keepEditing();
    }

    @FXML
    private void back() {
        viewModel.back();
    }
}
