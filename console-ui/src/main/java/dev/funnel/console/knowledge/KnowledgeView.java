package dev.funnel.console.knowledge;

import dev.funnel.console.backend.KnowledgeDocument;
import dev.funnel.console.common.Binds;
import dev.funnel.console.common.FileSizes;
import dev.funnel.console.common.Times;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;

/** Binds the knowledge screen's status line, documents table and document actions to {@link KnowledgeViewModel}. */
public final class KnowledgeView {

    @FXML private Label knowledgeStatusLine;
    @FXML private TableView<KnowledgeDocument> documentsTable;
    @FXML private TableColumn<KnowledgeDocument, String> nameColumn;
    @FXML private TableColumn<KnowledgeDocument, String> typeColumn;
    @FXML private TableColumn<KnowledgeDocument, String> sizeColumn;
    @FXML private TableColumn<KnowledgeDocument, String> pagesColumn;
    @FXML private TableColumn<KnowledgeDocument, String> chunksColumn;
    @FXML private TableColumn<KnowledgeDocument, String> statusColumn;
    @FXML private TableColumn<KnowledgeDocument, String> errorColumn;
    @FXML private TableColumn<KnowledgeDocument, String> indexedColumn;
    @FXML private Label knowledgeReadOnlyNote;
    @FXML private Button reindexButton;
    @FXML private Button deleteDocumentButton;
    @FXML private Region documentDeleteConfirmation;
    @FXML private Label documentDeleteQuestion;
    @FXML private Label knowledgeError;
    @FXML private Label knowledgeNotice;

    private final KnowledgeViewModel viewModel;

    public KnowledgeView(KnowledgeViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        Binds.message(knowledgeStatusLine, viewModel.statusLineProperty());
        documentsTable.setItems(viewModel.documents());
        documentsTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        documentsTable.setPlaceholder(new Label("No documents yet. Add PDF, Markdown or text files on the right."));
        column(nameColumn, KnowledgeDocument::name);
        column(typeColumn, document -> KnowledgeFileType.label(document.contentType()));
        column(sizeColumn, document -> FileSizes.describe(document.sizeBytes()));
        column(pagesColumn, document -> document.pages() == null ? "" : String.valueOf(document.pages()));
        column(chunksColumn, document -> String.valueOf(document.chunks()));
        column(statusColumn, KnowledgeDocument::status);
        column(errorColumn, document -> document.error() == null ? "" : document.error());
        errorColumn.setCellFactory(column -> new TableCell<>() {
            @Override
            protected void updateItem(String problem, boolean empty) {
                super.updateItem(problem, empty);
                setText(empty ? null : problem);
                // a reason can be longer than the column: the whole of it on hover
                setTooltip(empty || problem == null || problem.isEmpty() ? null : new Tooltip(problem));
            }
        });
        column(indexedColumn, document -> Times.dayAndTime(document.indexedAt()));
        documentsTable.getSelectionModel().selectedItemProperty().subscribe(document -> {
            if (document != null) {
                viewModel.selectedProperty().set(document);
            }
        });
        viewModel.selectedProperty().subscribe(document -> {
            if (document == null) {
                documentsTable.getSelectionModel().clearSelection();
            } else if (documentsTable.getSelectionModel().getSelectedItem() != document) {
                documentsTable.getSelectionModel().select(document);
            }
        });
        knowledgeReadOnlyNote.setText(KnowledgeViewModel.READ_ONLY_NOTE);
        knowledgeReadOnlyNote.setVisible(!viewModel.admin());
        knowledgeReadOnlyNote.setManaged(!viewModel.admin());
        reindexButton.disableProperty().bind(viewModel.canReindexProperty().not());
        deleteDocumentButton.disableProperty().bind(viewModel.canChangeSelectedProperty().not());
        Binds.shown(documentDeleteConfirmation, viewModel.pendingDeleteProperty().isNotNull());
        documentDeleteQuestion.textProperty().bind(viewModel.deleteQuestionProperty());
        Binds.message(knowledgeError, viewModel.errorProperty());
        Binds.message(knowledgeNotice, viewModel.noticeProperty());
        viewModel.load();
    }

    private static void column(TableColumn<KnowledgeDocument, String> column,
                               Function<KnowledgeDocument, String> text) {
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
    }

    @FXML
    private void reindex() {
        viewModel.reindex();
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

    @FXML
    private void backToInbox() {
        viewModel.backToInbox();
    }
}
