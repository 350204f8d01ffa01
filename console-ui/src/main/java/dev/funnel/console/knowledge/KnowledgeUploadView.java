package dev.funnel.console.knowledge;

import dev.funnel.console.common.Binds;
import java.io.File;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/** Binds the "Add documents" panel to {@link KnowledgeUploadViewModel}: the file chooser, drops, the batch's progress and files. */
public final class KnowledgeUploadView {

    @FXML private VBox knowledgeUploadPanel;
    @FXML private Button addDocumentsButton;
    @FXML private VBox uploadProgress;
    @FXML private ProgressBar uploadProgressBar;
    @FXML private Label uploadProgressText;
    @FXML private ListView<FileUpload> uploadFiles;

    private final KnowledgeViewModel knowledge;
    private final KnowledgeUploadViewModel viewModel;

    public KnowledgeUploadView(KnowledgeViewModel knowledge) {
        this.knowledge = knowledge;
        this.viewModel = knowledge.uploads();
    }

    @FXML
    private void initialize() {
        addDocumentsButton.setDisable(!knowledge.admin());
        uploadProgressBar.progressProperty().bind(viewModel.progressProperty());
        Binds.shown(uploadProgress, Bindings.isNotEmpty(viewModel.files()));
        uploadProgressText.textProperty().bind(viewModel.progressTextProperty());
        uploadFiles.setItems(viewModel.files());
        Binds.shown(uploadFiles, Bindings.isNotEmpty(viewModel.files()));
        uploadFiles.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(FileUpload upload, boolean empty) {
                super.updateItem(upload, empty);
                setText(empty || upload == null ? null : upload.fileName() + "  \u2014  " + upload.statusText());
                getStyleClass().remove("upload-failed");
                if (!empty && upload != null && (upload.stage() == FileUpload.Stage.FAILED
                        || upload.stage() == FileUpload.Stage.REFUSED)) {
                    getStyleClass().add("upload-failed");
                }
                setWrapText(true);
            }
        });
        knowledgeUploadPanel.setOnDragOver(this::acceptFiles);
        knowledgeUploadPanel.setOnDragDropped(this::dropFiles);
    }

    private void acceptFiles(DragEvent event) {
        if (event.getDragboard().hasFiles() && knowledge.admin()) {
            event.acceptTransferModes(TransferMode.COPY);
        }
        event.consume();
    }

    private void dropFiles(DragEvent event) {
        List<File> files = event.getDragboard().getFiles();
        knowledge.add(files.stream().map(File::toPath).toList());
        event.setDropCompleted(!files.isEmpty());
        event.consume();
    }

    @FXML
    private void choose() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Add documents to the knowledge base");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("PDF, Markdown and text files", KnowledgeFileType.PATTERNS),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        List<File> files = chooser.showOpenMultipleDialog(addDocumentsButton.getScene().getWindow());
        if (files != null) {
            knowledge.add(files.stream().map(File::toPath).toList());
        }
    }
}
