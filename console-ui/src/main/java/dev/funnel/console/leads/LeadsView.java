package dev.funnel.console.leads;

import dev.funnel.console.backend.Lead;
import dev.funnel.console.common.Binds;
import dev.funnel.console.common.Times;
import java.io.File;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

/** Binds the leads table, its filters and paging to {@link LeadsViewModel}; asks where to save an export. */
public final class LeadsView {

    @FXML private TextField leadSearch;
    @FXML private ComboBox<String> stageFilter;
    @FXML private ComboBox<String> intentLevelFilter;
    @FXML private ComboBox<String> sentimentFilter;
    @FXML private TableView<Lead> leadsTable;
    @FXML private TableColumn<Lead, String> nameColumn;
    @FXML private TableColumn<Lead, String> phoneColumn;
    @FXML private TableColumn<Lead, String> emailColumn;
    @FXML private TableColumn<Lead, String> companyColumn;
    @FXML private TableColumn<Lead, String> stageColumn;
    @FXML private TableColumn<Lead, String> intentLevelColumn;
    @FXML private TableColumn<Lead, String> sentimentColumn;
    @FXML private TableColumn<Lead, String> updatedColumn;
    @FXML private Button previousPageButton;
    @FXML private Button nextPageButton;
    @FXML private Label pageLabel;
    @FXML private Label leadsError;
    @FXML private Label leadsStatus;

    private final LeadsViewModel viewModel;

    public LeadsView(LeadsViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        leadSearch.textProperty().bindBidirectional(viewModel.searchTextProperty());
        filter(stageFilter, LeadStates.STAGES, "Any stage", viewModel.stageFilterProperty());
        filter(intentLevelFilter, LeadStates.INTENT_LEVELS, "Any intent", viewModel.intentLevelFilterProperty());
        filter(sentimentFilter, LeadStates.SENTIMENTS, "Any sentiment", viewModel.sentimentFilterProperty());

        leadsTable.setItems(viewModel.leads());
        leadsTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        column(nameColumn, Lead::name);
        column(phoneColumn, lead -> "+" + lead.phone());
        column(emailColumn, Lead::email);
        column(companyColumn, Lead::company);
        column(stageColumn, lead -> LeadStates.label(lead.stage()));
        column(intentLevelColumn, lead -> LeadStates.label(lead.intentLevel()));
        column(sentimentColumn, lead -> LeadStates.label(lead.sentiment()));
        column(updatedColumn, lead -> Times.dayAndTime(lead.updatedAt()));
        leadsTable.setPlaceholder(placeholder());
        // a reload empties the selection; the open lead stays in the form until another is picked
        leadsTable.getSelectionModel().selectedItemProperty().subscribe(lead -> {
            if (lead != null) {
                viewModel.select(lead);
            }
        });

        pageLabel.textProperty().bind(viewModel.pageLabelProperty());
        previousPageButton.disableProperty().bind(viewModel.canGoBackProperty().not());
        nextPageButton.disableProperty().bind(viewModel.canGoForwardProperty().not());
        Binds.message(leadsError, viewModel.errorProperty());
        Binds.message(leadsStatus, viewModel.statusProperty());
        viewModel.load();
    }

    private Label placeholder() {
        Label placeholder = new Label();
        placeholder.getStyleClass().add("placeholder-text");
        placeholder.textProperty().bind(viewModel.pageLabelProperty());
        return placeholder;
    }

    /** A filter's choices: "any" (the empty id) and then each id, shown by its label. */
    static void filter(ComboBox<String> box, List<String> ids, String any, StringProperty value) {
        box.getItems().setAll(LeadsViewModel.ANY);
        box.getItems().addAll(ids);
        box.setConverter(labels(any));
        box.valueProperty().bindBidirectional(value);
    }

    static StringConverter<String> labels(String empty) {
        return new StringConverter<>() {
            @Override
            public String toString(String id) {
                return id == null || id.isEmpty() ? empty : LeadStates.label(id);
            }

            @Override
            public String fromString(String label) {
                throw new UnsupportedOperationException("choices are not typed");
            }
        };
    }

    private static void column(TableColumn<Lead, String> column, Function<Lead, String> text) {
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
    }

    @FXML
    private void search() {
        viewModel.search();
    }

    @FXML
    private void newLead() {
        leadsTable.getSelectionModel().clearSelection();
        viewModel.newLead();
    }

    @FXML
    private void export() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save leads as CSV");
        chooser.setInitialFileName("leads.csv");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV files", "*.csv"));
        File file = chooser.showSaveDialog(leadsTable.getScene().getWindow());
        if (file != null) {
            viewModel.exportTo(file.toPath());
        }
    }

    @FXML
    private void previousPage() {
        viewModel.previousPage();
    }

    @FXML
    private void nextPage() {
        viewModel.nextPage();
    }

    @FXML
    private void backToInbox() {
        viewModel.backToInbox();
    }
}
