package dev.funnel.console.settings;

import static dev.funnel.console.settings.OrganisationSettingsViewModel.FOLLOWUP_CADENCE;
import static dev.funnel.console.settings.OrganisationSettingsViewModel.GHOSTED_AFTER_HOURS;
import static dev.funnel.console.settings.OrganisationSettingsViewModel.MAX_WORDS;
import static dev.funnel.console.settings.OrganisationSettingsViewModel.MIN_CONFIDENCE;
import static dev.funnel.console.settings.OrganisationSettingsViewModel.NAME;
import static dev.funnel.console.settings.OrganisationSettingsViewModel.QUIET_HOURS_END;
import static dev.funnel.console.settings.OrganisationSettingsViewModel.QUIET_HOURS_START;
import static dev.funnel.console.settings.OrganisationSettingsViewModel.SALES_PLAYBOOK;
import static dev.funnel.console.settings.OrganisationSettingsViewModel.TIME_ZONE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.console.backend.FakeBackendClient;
import dev.funnel.console.backend.OrganisationSettingsUpdate;
import dev.funnel.console.backend.TestData;
import dev.funnel.console.common.CurrentThreadTaskExecutor;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrganisationSettingsViewModelTest {

    private final FakeBackendClient backend = new FakeBackendClient();
    private final OrganisationSettingsViewModel admin =
            new OrganisationSettingsViewModel(backend, new CurrentThreadTaskExecutor(), TestData.session());

    @Test
    void showsTheSavedSettingsAsText() {
        admin.load();

        assertThat(admin.valueProperty(SALES_PLAYBOOK).get()).isEqualTo("Ask for the roof size, then offer a site visit.");
        assertThat(admin.valueProperty(TIME_ZONE).get()).isEqualTo("Europe/Paris");
        assertThat(admin.valueProperty(QUIET_HOURS_START).get()).isEqualTo("21:00");
        assertThat(admin.valueProperty(MIN_CONFIDENCE).get()).isEqualTo("0.6");
        assertThat(admin.valueProperty(FOLLOWUP_CADENCE).get()).isEqualTo("10, 180, 360");
        assertThat(admin.canSaveProperty().get()).isTrue();
    }

    @Test
    void saveSendsEverySettingAndConfirms() {
        admin.load();
        admin.valueProperty(SALES_PLAYBOOK).set("Always offer the free site visit first.\nThen the price.");
        admin.valueProperty(FOLLOWUP_CADENCE).set("360 ,10 180");
        admin.valueProperty(QUIET_HOURS_START).set("");
        admin.valueProperty(QUIET_HOURS_END).set(" ");

        admin.save();

        assertThat(backend.requests.getLast()).isEqualTo(new OrganisationSettingsUpdate("Acme Solar",
                "We install rooftop solar in Lyon.", "Always offer the free site visit first.\nThen the price.",
                "friendly", "Europe/Paris", null, null, 2, 5, 80, 0.6, List.of(360, 10, 180), 48, null));
        assertThat(admin.valueProperty(FOLLOWUP_CADENCE).get()).isEqualTo("10, 180, 360");
        assertThat(admin.savedProperty().get()).startsWith("Saved.");
        assertThat(admin.errorProperty().get()).isEmpty();
    }

    @Test
    void onlyOneQuietHourIsMarkedAndNotSent() {
        admin.load();
        admin.valueProperty(QUIET_HOURS_END).set("");

        admin.save();

        assertThat(backend.calls).doesNotContain("saveOrganisationSettings");
        assertThat(admin.problemProperty(QUIET_HOURS_END).get()).contains("both times");
        assertThat(admin.problemProperty(QUIET_HOURS_START).get()).isEmpty();
        assertThat(admin.errorProperty().get()).isEqualTo("Please correct the marked fields.");
    }

    @Test
    void textWhereANumberBelongsIsMarkedUnderItsField() {
        admin.load();
        admin.valueProperty(MAX_WORDS).set("eighty");
        admin.valueProperty(FOLLOWUP_CADENCE).set("10, soon");
        admin.valueProperty(QUIET_HOURS_START).set("9pm");

        admin.save();

        assertThat(backend.calls).doesNotContain("saveOrganisationSettings");
        assertThat(admin.problemProperty(MAX_WORDS).get()).startsWith("A whole number");
        assertThat(admin.problemProperty(FOLLOWUP_CADENCE).get()).contains("separated by commas");
        assertThat(admin.problemProperty(QUIET_HOURS_START).get()).contains("HH:mm");
    }

    @Test
    void aTimeZoneNotInTheListIsMarked() {
        admin.load();
        admin.valueProperty(TIME_ZONE).set("Mars/Olympus");

        admin.save();

        assertThat(admin.problemProperty(TIME_ZONE).get()).contains("from the list");
        assertThat(admin.timeZones()).contains("Asia/Kolkata", "Europe/Berlin");
    }

    @Test
    void theServersFieldProblemsAppearUnderTheirFields() {
        admin.load();
        backend.failNextWithFields("max_words must be 10 to 300; ghosted_after_hours must come after the last "
                + "follow-up of followup_cadence_minutes", "max_words", "ghosted_after_hours");

        admin.save();

        assertThat(admin.problemProperty(MAX_WORDS).get()).isEqualTo("Must be 10 to 300");
        assertThat(admin.problemProperty(GHOSTED_AFTER_HOURS).get())
                .isEqualTo("Must come after the last follow-up of the follow-up cadence");
        assertThat(admin.problemProperty(NAME).get()).isEmpty();
        assertThat(admin.errorProperty().get()).isEqualTo("Please correct the marked fields.");
    }

    @Test
    void aRefusalWithoutFieldsIsShownAsTheServerWordsIt() {
        admin.load();
        backend.failNext(403, "Only admins can change the organisation's settings");

        admin.save();

        assertThat(admin.errorProperty().get()).isEqualTo("Only admins can change the organisation's settings");
    }

    @Test
    void anAgentSeesTheSettingsButCannotSave() {
        var agent = new OrganisationSettingsViewModel(backend, new CurrentThreadTaskExecutor(), TestData.agentSession());

        agent.load();
        agent.valueProperty(MAX_WORDS).set("120");
        agent.save();

        assertThat(agent.editable()).isFalse();
        assertThat(agent.valueProperty(NAME).get()).isEqualTo("Acme Solar");
        assertThat(agent.canSaveProperty().get()).isFalse();
        assertThat(backend.calls).containsExactly("organisationSettings", "templates");
    }

    @Test
    void aFailedLoadKeepsSavingOff() {
        backend.failNext(0, "Cannot reach the server at http://127.0.0.1:8090. Is it running?");

        admin.load();

        assertThat(admin.errorProperty().get()).startsWith("Cannot reach the server");
        assertThat(admin.canSaveProperty().get()).isFalse();
    }
}
