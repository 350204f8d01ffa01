package dev.funnel.console.settings;

import dev.funnel.console.common.Binds;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;

/** Binds the language-model form to its ViewModel. */
public final class LlmSettingsView {

    @FXML private Label llmNotConfigured;
    @FXML private Label llmSource;
    @FXML private HBox llmPresets;
    @FXML private TextField llmBaseUrl;
    @FXML private Label llmBaseUrlProblem;
    @FXML private TextField llmModel;
    @FXML private PasswordField llmApiKey;
    @FXML private Label llmError;
    @FXML private Label llmSaved;
    @FXML private Button saveLlmButton;

    private final LlmSettingsViewModel viewModel;

    public LlmSettingsView(LlmSettingsViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        llmNotConfigured.setText(LlmSettingsViewModel.NOT_CONFIGURED);
        Binds.shown(llmNotConfigured, viewModel.configuredProperty().not());
        Binds.message(llmSource, viewModel.sourceProperty());
        for (LlmPreset preset : LlmPreset.values()) {
            Button button = new Button(preset.label());
            button.setId("preset" + preset.name());
            button.getStyleClass().add("preset-button");
            button.setOnAction(e -> viewModel.usePreset(preset));
            llmPresets.getChildren().add(button);
        }
        llmBaseUrl.textProperty().bindBidirectional(viewModel.baseUrlProperty());
        Binds.message(llmBaseUrlProblem, viewModel.baseUrlProblemProperty());
        llmModel.textProperty().bindBidirectional(viewModel.modelProperty());
        llmApiKey.textProperty().bindBidirectional(viewModel.apiKeyProperty());
        llmApiKey.promptTextProperty().bind(viewModel.apiKeyHintProperty());
        Binds.message(llmError, viewModel.errorProperty());
        Binds.message(llmSaved, viewModel.savedProperty());
        saveLlmButton.disableProperty().bind(viewModel.canSaveProperty().not());
        viewModel.load();
    }

    @FXML
    private void save() {
        viewModel.save();
    }

    @FXML
    private void back() {
        viewModel.back();
    }
}
