package dev.funnel.console.settings;

import static dev.funnel.console.settings.OrganisationSettingsViewModel.BUSINESS_PROFILE;
import static dev.funnel.console.settings.OrganisationSettingsViewModel.FOLLOWUP_CADENCE;
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
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
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
        Binds.message(orgError, viewModel.errorProperty());
        Binds.message(orgSaved, viewModel.savedProperty());
        Binds.shown(saveOrganisationButton, Bindings.createBooleanBinding(viewModel::editable));
        saveOrganisationButton.disableProperty().bind(viewModel.canSaveProperty().not());
        viewModel.load();
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
