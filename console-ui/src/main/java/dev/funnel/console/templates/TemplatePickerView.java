package dev.funnel.console.templates;

import dev.funnel.console.backend.Template;
import dev.funnel.console.common.Binds;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Binds the composer's template picker (shown only while it is offered) to {@link TemplatePickerViewModel}. */
public final class TemplatePickerView {

    @FXML private Region templatePickerPane;
    @FXML private ComboBox<Template> pickerTemplate;
    @FXML private Label pickerHint;
    @FXML private VBox pickerValueRows;
    @FXML private TemplatePreviewPane pickerPreview;
    @FXML private Label pickerError;
    @FXML private Button pickerSendButton;

    private final TemplatePickerViewModel viewModel;

    public TemplatePickerView(TemplatePickerViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        Binds.shown(templatePickerPane, viewModel.offeredProperty());
        pickerTemplate.setItems(viewModel.approvedTemplates());
        pickerTemplate.setCellFactory(list -> new TemplateNameCell());
        pickerTemplate.setButtonCell(new TemplateNameCell());
        pickerTemplate.valueProperty().bindBidirectional(viewModel.chosenProperty());
        Binds.message(pickerHint, viewModel.hintProperty());
        TemplateEditorView.rowsFollow(viewModel.values(), pickerValueRows, TemplateEditorView::exampleRow);
        pickerPreview.previewProperty().bind(viewModel.previewProperty());
        Binds.message(pickerError, viewModel.errorProperty());
        pickerSendButton.disableProperty().bind(viewModel.canSendProperty().not());
    }

    @FXML
    private void reload() {
        viewModel.loadTemplates();
    }

    @FXML
    private void send() {
        viewModel.send();
    }

    private static final class TemplateNameCell extends ListCell<Template> {
        @Override
        protected void updateItem(Template template, boolean empty) {
            super.updateItem(template, empty);
            setText(empty || template == null ? null : template.name() + " (" + template.language() + ")");
        }
    }
}
