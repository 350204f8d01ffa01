package dev.funnel.console.settings;

import static dev.funnel.console.settings.OrganisationSettingsViewModel.BUSINESS_PROFILE;
import static dev.funnel.console.settings.OrganisationSettingsViewModel.FOLLOWUP_CADENCE;
import static dev.funnel.console.settings.OrganisationSettingsViewModel.FOLLOWUP_TEMPLATE;
import static dev.funnel.console.settings.OrganisationSettingsViewModel.GHOSTED_AFTER_HOURS;
import static dev.funnel.console.settings.OrganisationSettingsViewModel.MAX_FOLLOWUPS_24H;
import static dev.funnel.console.settings.OrganisationSettingsViewModel.MAX_FOLLOWUPS_TOTAL;
import static dev.funnel.console.settings.OrganisationSettingsViewModel.MAX_WORDS;
import static dev.funnel.console.settings.OrganisationSettingsViewModel.MIN_CONFIDENCE;
import static dev.funnel.console.settings.OrganisationSettingsViewModel.NAME;
import static dev.funnel.console.settings.OrganisationSettingsViewModel.QUIET_HOURS_END;
import static dev.funnel.console.settings.OrganisationSettingsViewModel.QUIET_HOURS_START;
import static dev.funnel.console.settings.OrganisationSettingsViewModel.SALES_PLAYBOOK;
import static dev.funnel.console.settings.OrganisationSettingsViewModel.TIME_ZONE;
import static dev.funnel.console.settings.OrganisationSettingsViewModel.TONE;

import dev.funnel.console.common.Binds;
import dev.funnel.console.templates.TemplateEditorView;
import dev.funnel.console.templates.TemplatePreviewPane;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.SearchableComboBox;

/** Binds the organisation settings form to its ViewModel; read-only for agents. */
public final class OrganisationSettingsView {

    @FXML private Label orgReadOnlyNote;
    @FXML private TextField orgName;
    @FXML private Label orgNameProblem;
    @FXML private TextArea orgProfile;
    @FXML private Label orgProfileProblem;
    @FXML private TextArea orgPlaybook;
    @FXML private Label orgPlaybookProblem;
    @FXML private TextField orgTone;
    @FXML private Label orgToneProblem;
    @FXML private SearchableComboBox<String> orgTimeZone;
    @FXML private Label orgTimeZoneProblem;
    @FXML private TextField orgQuietStart;
    @FXML private Label orgQuietStartProblem;
    @FXML private TextField orgQuietEnd;
    @FXML private Label orgQuietEndProblem;
    @FXML private TextField orgMaxFollowups24h;
    @FXML private Label orgMaxFollowups24hProblem;
    @FXML private TextField orgMaxFollowupsTotal;
    @FXML private Label orgMaxFollowupsTotalProblem;
    @FXML private TextField orgMaxWords;
    @FXML private Label orgMaxWordsProblem;
    @FXML private TextField orgMinConfidence;
    @FXML private Label orgMinConfidenceProblem;
    @FXML private TextField orgCadence;
    @FXML private Label orgCadenceProblem;
    @FXML private TextField orgGhostedAfter;
    @FXML private Label orgGhostedAfterProblem;
    @FXML private ComboBox<FollowupTemplateViewModel.Choice> orgFollowupTemplate;
    @FXML private Label orgFollowupTemplateNote;
    @FXML private VBox orgFollowupSourceRows;
    @FXML private TextField orgFollowupNameFallback;
    @FXML private Label orgFollowupTemplateProblem;
    @FXML private TemplatePreviewPane orgFollowupPreview;
    @FXML private Label orgError;
    @FXML private Label orgSaved;
    @FXML private Button saveOrganisationButton;

    private final OrganisationSettingsViewModel viewModel;

    public OrganisationSettingsView(OrganisationSettingsViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        orgReadOnlyNote.setText(OrganisationSettingsViewModel.READ_ONLY_NOTE);
        Binds.shown(orgReadOnlyNote, Bindings.createBooleanBinding(() -> !viewModel.editable()));
        bind(orgName, orgNameProblem, NAME);
        bind(orgProfile, orgProfileProblem, BUSINESS_PROFILE);
        bind(orgPlaybook, orgPlaybookProblem, SALES_PLAYBOOK);
        bind(orgTone, orgToneProblem, TONE);
        orgTimeZone.setItems(viewModel.timeZones());
        orgTimeZone.valueProperty().bindBidirectional(viewModel.valueProperty(TIME_ZONE));
        orgTimeZone.setDisable(!viewModel.editable());
        Binds.message(orgTimeZoneProblem, viewModel.problemProperty(TIME_ZONE));
        bind(orgQuietStart, orgQuietStartProblem, QUIET_HOURS_START);
        bind(orgQuietEnd, orgQuietEndProblem, QUIET_HOURS_END);
        bind(orgMaxFollowups24h, orgMaxFollowups24hProblem, MAX_FOLLOWUPS_24H);
        bind(orgMaxFollowupsTotal, orgMaxFollowupsTotalProblem, MAX_FOLLOWUPS_TOTAL);
        bind(orgMaxWords, orgMaxWordsProblem, MAX_WORDS);
        bind(orgMinConfidence, orgMinConfidenceProblem, MIN_CONFIDENCE);
        bind(orgCadence, orgCadenceProblem, FOLLOWUP_CADENCE);
        bind(orgGhostedAfter, orgGhostedAfterProblem, GHOSTED_AFTER_HOURS);
        bindFollowupTemplate(viewModel.followupTemplate());
        Binds.message(orgError, viewModel.errorProperty());
        Binds.message(orgSaved, viewModel.savedProperty());
        Binds.shown(saveOrganisationButton, Bindings.createBooleanBinding(viewModel::editable));
        saveOrganisationButton.disableProperty().bind(viewModel.canSaveProperty().not());
        viewModel.load();
    }

    private void bindFollowupTemplate(FollowupTemplateViewModel followup) {
        orgFollowupTemplate.setItems(followup.choices());
        orgFollowupTemplate.valueProperty().bindBidirectional(followup.chosenProperty());
        orgFollowupTemplate.setDisable(!viewModel.editable());
        Binds.message(orgFollowupTemplateNote, followup.noteProperty());
        TemplateEditorView.rowsFollow(followup.sources(), orgFollowupSourceRows, this::sourceRow);
        orgFollowupNameFallback.textProperty().bindBidirectional(followup.nameFallbackProperty());
        orgFollowupNameFallback.setEditable(viewModel.editable());
        Binds.message(orgFollowupTemplateProblem, viewModel.problemProperty(FOLLOWUP_TEMPLATE));
        orgFollowupPreview.previewProperty().bind(followup.previewProperty());
    }

    /** "{{1}}  [Lead's name ▾]  [fixed text]": the text is typed only for a fixed text. */
    private Node sourceRow(FollowupSource source) {
        Label label = new Label(source.label());
        label.getStyleClass().add("variable-label");
        ComboBox<FollowupSource.Kind> kind = new ComboBox<>(FXCollections.observableArrayList(source.kinds()));
        kind.valueProperty().bindBidirectional(source.kindProperty());
        kind.setDisable(!viewModel.editable());
        kind.setPrefWidth(150);
        TextField text = new TextField();
        text.setPromptText("Fixed text for " + source.label());
        text.textProperty().bindBidirectional(source.textProperty());
        text.disableProperty().bind(source.fixedProperty().not());
        text.setEditable(viewModel.editable());
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox row = new HBox(8, label, kind, text);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("variable-row");
        return row;
    }

    private void bind(TextInputControl input, Label problem, String field) {
        input.textProperty().bindBidirectional(viewModel.valueProperty(field));
        input.setEditable(viewModel.editable());
        Binds.message(problem, viewModel.problemProperty(field));
    }

    @FXML
    private void save() {
        viewModel.save();
    }
}
