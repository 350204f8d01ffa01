package dev.funnel.console.templates;

import dev.funnel.console.backend.TemplateButton;
import dev.funnel.console.common.Binds;
import dev.funnel.console.templates.TemplateEditorViewModel.Field;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import java.util.function.Function;

/** Binds the template form and its live preview to {@link TemplateEditorViewModel}, one row per example and per button. */
public final class TemplateEditorView {

    @FXML private Region templateForm;
    @FXML private Label templateFormError;
    @FXML private TextField templateName;
    @FXML private Label nameError;
    @FXML private TextField templateLanguage;
    @FXML private Label languageError;
    @FXML private ComboBox<String> templateCategory;
    @FXML private Label categoryError;
    @FXML private TextField templateHeader;
    @FXML private Label headerError;
    @FXML private Region headerExampleRow;
    @FXML private TextField templateHeaderExample;
    @FXML private Label headerExampleError;
    @FXML private TextArea templateBody;
    @FXML private Label bodyError;
    @FXML private Label bodyExamplesTitle;
    @FXML private VBox bodyExampleRows;
    @FXML private Label bodyExamplesError;
    @FXML private TextField templateFooter;
    @FXML private Label footerError;
    @FXML private VBox buttonRows;
    @FXML private Label buttonsError;
    @FXML private TemplatePreviewPane templatePreview;

    private final TemplateEditorViewModel viewModel;

    public TemplateEditorView(TemplateEditorViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        templateForm.disableProperty().bind(viewModel.editableProperty().not());
        Binds.message(templateFormError, viewModel.formErrorProperty());
        templateName.textProperty().bindBidirectional(viewModel.nameProperty());
        templateLanguage.textProperty().bindBidirectional(viewModel.languageProperty());
        templateCategory.getItems().setAll(TemplateEditorViewModel.CATEGORIES);
        templateCategory.valueProperty().bindBidirectional(viewModel.categoryProperty());
        templateHeader.textProperty().bindBidirectional(viewModel.headerProperty());
        Binds.shown(headerExampleRow, viewModel.headerTakesValueProperty());
        templateHeaderExample.textProperty().bindBidirectional(viewModel.headerExampleProperty());
        templateBody.textProperty().bindBidirectional(viewModel.bodyProperty());
        Binds.shown(bodyExamplesTitle, Bindings.isNotEmpty(viewModel.bodyExamples()));
        templateFooter.textProperty().bindBidirectional(viewModel.footerProperty());
        Binds.message(nameError, viewModel.errorProperty(Field.NAME));
        Binds.message(languageError, viewModel.errorProperty(Field.LANGUAGE));
        Binds.message(categoryError, viewModel.errorProperty(Field.CATEGORY));
        Binds.message(headerError, viewModel.errorProperty(Field.HEADER));
        Binds.message(headerExampleError, viewModel.errorProperty(Field.HEADER_EXAMPLE));
        Binds.message(bodyError, viewModel.errorProperty(Field.BODY));
        Binds.message(bodyExamplesError, viewModel.errorProperty(Field.BODY_EXAMPLES));
        Binds.message(footerError, viewModel.errorProperty(Field.FOOTER));
        Binds.message(buttonsError, viewModel.errorProperty(Field.BUTTONS));
        rowsFollow(viewModel.bodyExamples(), bodyExampleRows, TemplateEditorView::exampleRow);
        rowsFollow(viewModel.buttons(), buttonRows, this::buttonRow);
        templatePreview.previewProperty().bind(viewModel.previewProperty());
    }

    @FXML
    private void addButton() {
        viewModel.addButton();
    }

    /** Rebuilds the rows when items come or go; a value typed into an item changes nothing here. */
    public static <T> void rowsFollow(ObservableList<T> items, VBox rows, Function<T, Node> row) {
        rows.getChildren().setAll(items.stream().map(row).toList());
        items.addListener((ListChangeListener<T>) change -> {
            while (change.next()) {
                if (change.wasAdded() || change.wasRemoved() || change.wasPermutated()) {
                    rows.getChildren().setAll(items.stream().map(row).toList());
                    return;
                }
            }
        });
    }

    static Node exampleRow(TemplateVariable variable) {
        Label label = new Label(variable.label());
        label.getStyleClass().add("variable-label");
        TextField value = new TextField();
        value.getStyleClass().add("variable-value");
        value.setPromptText("Value for " + variable.label());
        value.textProperty().bindBidirectional(variable.valueProperty());
        HBox.setHgrow(value, Priority.ALWAYS);
        HBox row = new HBox(8, label, value);
        row.getStyleClass().add("variable-row");
        return row;
    }

    private Node buttonRow(ButtonDraft button) {
        ComboBox<String> type = new ComboBox<>();
        type.getItems().setAll(ButtonDraft.TYPES);
        type.valueProperty().bindBidirectional(button.typeProperty());
        type.getStyleClass().add("button-type");
        TextField text = new TextField();
        text.setPromptText("Label (25 characters)");
        text.textProperty().bindBidirectional(button.textProperty());
        text.getStyleClass().add("button-text");
        TextField target = new TextField();
        target.textProperty().bindBidirectional(button.targetProperty());
        target.getStyleClass().add("button-target");
        target.promptTextProperty().bind(button.typeProperty().map(kind -> TemplateButton.PHONE_NUMBER.equals(kind)
                ? "+15550001234" : "https://example.com/offer/{{1}}"));
        Binds.shown(target, button.typeProperty().isNotEqualTo(TemplateButton.QUICK_REPLY));
        HBox.setHgrow(target, Priority.ALWAYS);
        Button remove = new Button("Remove");
        remove.getStyleClass().add("secondary");
        remove.setMinWidth(Region.USE_PREF_SIZE);
        type.setMinWidth(Region.USE_PREF_SIZE);
        remove.setOnAction(event -> viewModel.removeButton(button));
        TextField example = new TextField();
        example.setPromptText("Example address for {{1}}, e.g. https://example.com/offer/spring");
        example.textProperty().bindBidirectional(button.exampleProperty());
        Binds.shown(example, Bindings.createBooleanBinding(button::urlTakesValue, button.typeProperty(),
                button.targetProperty()));
        Label error = new Label();
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        Binds.message(error, button.errorProperty());
        VBox row = new VBox(4, new HBox(8, type, text, target, remove), example, error);
        row.getStyleClass().add("button-row-draft");
        return row;
    }
}
