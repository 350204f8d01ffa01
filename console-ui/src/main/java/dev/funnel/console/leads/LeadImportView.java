package dev.funnel.console.leads;

import dev.funnel.console.backend.LeadImportFailure;
import dev.funnel.console.common.Binds;
import java.io.File;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.stage.FileChooser;

/**
 * Binds the CSV import panel to {@link LeadImportViewModel}. A file comes from the file chooser, a
 * file dropped on the panel, or a path typed in the field.
 */
public final class LeadImportView {

    @FXML private VBox leadImportPanel;
    @FXML private TextField importPath;
    @FXML private Button importButton;
    @FXML private Button chooseImportButton;
    @FXML private VBox importProgress;
    @FXML private ProgressBar importProgressBar;
    @FXML private Label importProgressText;
    @FXML private Label importError;
    @FXML private Label importSummary;
    @FXML private TableView<LeadImportFailure> importFailures;
    @FXML private TableColumn<LeadImportFailure, Integer> failureRowColumn;
    @FXML private TableColumn<LeadImportFailure, String> failureErrorsColumn;

    private final LeadImportViewModel viewModel;

    public LeadImportView(LeadsViewModel leads) {
        this.viewModel = leads.importer();
    }

    @FXML
    private void initialize() {
        importPath.textProperty().bindBidirectional(viewModel.fileProperty());
        importPath.disableProperty().bind(viewModel.busyProperty());
        chooseImportButton.disableProperty().bind(viewModel.busyProperty());
        importButton.disableProperty().bind(viewModel.canImportProperty().not());
        importProgressBar.setProgress(ProgressBar.INDETERMINATE_PROGRESS);
        Binds.shown(importProgress, viewModel.busyProperty());
        importProgressText.textProperty().bind(viewModel.progressProperty());
        Binds.message(importError, viewModel.errorProperty());
        Binds.message(importSummary, viewModel.summaryProperty());
        importFailures.setItems(viewModel.failures());
        Binds.shown(importFailures, Bindings.isNotEmpty(viewModel.failures()));
        failureRowColumn.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().row()));
        failureErrorsColumn.setCellValueFactory(cell ->
                new ReadOnlyStringWrapper(String.join("; ", cell.getValue().errors())));
        failureErrorsColumn.setCellFactory(WrappingCell::new);
        importFailures.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_LAST_COLUMN);
        leadImportPanel.setOnDragOver(this::acceptFiles);
        leadImportPanel.setOnDragDropped(this::dropFile);
    }

    private void acceptFiles(DragEvent event) {
        if (event.getDragboard().hasFiles() && !viewModel.busyProperty().get()) {
            event.acceptTransferModes(TransferMode.COPY);
        }
        event.consume();
    }

    private void dropFile(DragEvent event) {
        List<File> files = event.getDragboard().getFiles();
        boolean taken = !files.isEmpty();
        if (taken) {
            viewModel.choose(files.getFirst().toPath());
        }
        event.setDropCompleted(taken);
        event.consume();
    }

    /** A row's problems can be long: they wrap to the column's width instead of being cut off. */
    private static final class WrappingCell extends TableCell<LeadImportFailure, String> {

        private final Text text = new Text();

        WrappingCell(TableColumn<LeadImportFailure, String> column) {
            text.wrappingWidthProperty().bind(column.widthProperty().subtract(12));
            setPrefHeight(Control.USE_COMPUTED_SIZE);
        }

        @Override
        protected void updateItem(String problems, boolean empty) {
            super.updateItem(problems, empty);
            text.setText(empty ? null : problems);
            setGraphic(empty ? null : text);
        }
    }

    @FXML
    private void choose() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Import leads from a CSV file");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("CSV files", "*.csv"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        File file = chooser.showOpenDialog(importPath.getScene().getWindow());
        if (file != null) {
            viewModel.choose(file.toPath());
        }
    }

    @FXML
    private void importFile() {
        viewModel.importFile();
    }
}
