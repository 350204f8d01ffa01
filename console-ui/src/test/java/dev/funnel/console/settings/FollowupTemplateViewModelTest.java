package dev.funnel.console.settings;

import static dev.funnel.console.settings.OrganisationSettingsViewModel.FOLLOWUP_TEMPLATE;
import static dev.funnel.console.settings.OrganisationSettingsViewModel.NAME;
import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.console.backend.FakeBackendClient;
import dev.funnel.console.backend.FollowupTemplate;
import dev.funnel.console.backend.OrganisationSettings;
import dev.funnel.console.backend.OrganisationSettingsUpdate;
import dev.funnel.console.backend.Template;
import dev.funnel.console.backend.TestData;
import dev.funnel.console.common.CurrentThreadTaskExecutor;
import dev.funnel.console.settings.FollowupSource.Kind;
import dev.funnel.console.settings.FollowupTemplateViewModel.Choice;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The settings' follow-up template against the fake backend: {@code order_update} has a header {{1}}, a
 * body {{1}} {{2}} and a URL button ending in {{1}}.
 */
class FollowupTemplateViewModelTest {

    private final FakeBackendClient backend = new FakeBackendClient();
    private final OrganisationSettingsViewModel settings =
            new OrganisationSettingsViewModel(backend, new CurrentThreadTaskExecutor(), TestData.session());
    private final FollowupTemplateViewModel followup = settings.followupTemplate();

    @BeforeEach
    void templates() {
        Template draft = TestData.approvedTemplate("t2");
        backend.templates.add(TestData.approvedTemplate("t1"));
        backend.templates.add(new Template(draft.id(), "still_draft", draft.language(), draft.category(),
                draft.components(), Template.DRAFT, null, null, draft.parameters(), draft.createdAt(),
                draft.updatedAt()));
    }

    @Test
    void theApprovedTemplatesAreOfferedWithNoneFirst() {
        settings.load();

        assertThat(followup.choices()).extracting(Choice::toString)
                .containsExactly("None — ask a person", "order_update (en_US)");
        assertThat(followup.chosenProperty().get()).isEqualTo(Choice.NONE);
        assertThat(followup.sources()).isEmpty();
        assertThat(followup.noteProperty().get()).contains("flagged for a person");
    }

    @Test
    void aChosenTemplateTakesOneSourcePerValueAndAButtonOnlyAFixedText() {
        settings.load();

        choose("t1");

        assertThat(followup.sources()).extracting(FollowupSource::label)
                .containsExactly("Header {{1}}", "{{1}}", "{{2}}", "Link 1 {{1}}");
        assertThat(followup.sources().get(1).kinds()).containsExactly(Kind.LEAD_NAME, Kind.BUSINESS_NAME,
                Kind.FIXED_TEXT);
        assertThat(followup.sources().get(3).kinds()).containsExactly(Kind.FIXED_TEXT);
        assertThat(followup.noteProperty().get()).isEmpty();
    }

    @Test
    void thePreviewFollowsTheSourcesAndTheBusinessName() {
        settings.load();
        choose("t1");

        followup.sources().get(0).kindProperty().set(Kind.BUSINESS_NAME);
        followup.sources().get(2).kindProperty().set(Kind.FIXED_TEXT);
        followup.sources().get(2).textProperty().set("this Friday");
        assertThat(followup.previewProperty().get().header()).isEqualTo("Order Acme Solar");
        assertThat(followup.previewProperty().get().body()).isEqualTo("Hi Priya, your order ships this Friday.");

        settings.valueProperty(NAME).set("Acme Energy");
        assertThat(followup.previewProperty().get().header()).isEqualTo("Order Acme Energy");
    }

    @Test
    void saveSendsTheTemplateWithWhereEachValueComesFrom() {
        settings.load();
        choose("t1");
        followup.sources().get(0).kindProperty().set(Kind.BUSINESS_NAME);
        followup.sources().get(2).kindProperty().set(Kind.FIXED_TEXT);
        followup.sources().get(2).textProperty().set(" this Friday ");
        followup.sources().get(3).textProperty().set("A-17");
        followup.nameFallbackProperty().set("friend");

        settings.save();

        assertThat(((OrganisationSettingsUpdate) backend.requests.getLast()).followupTemplate()).isEqualTo(
                new FollowupTemplate("t1", List.of("business_name"), List.of("lead_name", "custom:this Friday"),
                        List.of("custom:A-17"), "friend"));
        assertThat(settings.savedProperty().get()).startsWith("Saved.");
    }

    @Test
    void aFixedTextWithoutItsTextIsMarkedAndNothingIsSent() {
        settings.load();
        choose("t1");
        followup.nameFallbackProperty().set(" ");

        settings.save();

        assertThat(backend.calls).doesNotContain("saveOrganisationSettings");
        assertThat(settings.problemProperty(FOLLOWUP_TEMPLATE).get())
                .contains("Write the fixed text for Link 1 {{1}}", "the word that stands for an unknown name");
        assertThat(settings.errorProperty().get()).isEqualTo("Please correct the marked fields.");
    }

    @Test
    void theSavedChoiceIsShownAgain() {
        backend.organisation = withFollowupTemplate(new FollowupTemplate("t1", List.of("business_name"),
                List.of("lead_name", "custom:soon"), List.of("custom:A-17"), "friend"));

        settings.load();

        assertThat(followup.chosenProperty().get().template().id()).isEqualTo("t1");
        assertThat(followup.sources()).extracting(s -> s.kindProperty().get())
                .containsExactly(Kind.BUSINESS_NAME, Kind.LEAD_NAME, Kind.FIXED_TEXT, Kind.FIXED_TEXT);
        assertThat(followup.sources().get(2).textProperty().get()).isEqualTo("soon");
        assertThat(followup.nameFallbackProperty().get()).isEqualTo("friend");
        assertThat(followup.previewProperty().get().body()).isEqualTo("Hi Priya, your order ships soon.");
    }

    @Test
    void aChosenTemplateNoLongerApprovedStaysChosenAndSaysSo() {
        backend.organisation = withFollowupTemplate(new FollowupTemplate("t2", List.of("lead_name"),
                List.of("lead_name", "lead_name"), List.of("custom:x"), "there"));

        settings.load();
        settings.save();

        assertThat(followup.chosenProperty().get().toString()).isEqualTo("still_draft (en_US) — DRAFT");
        assertThat(followup.noteProperty().get()).contains("still_draft is DRAFT", "go to a person");
        assertThat(((OrganisationSettingsUpdate) backend.requests.getLast()).followupTemplate().templateId())
                .isEqualTo("t2");
    }

    @Test
    void choosingNoneSendsNull() {
        backend.organisation = withFollowupTemplate(new FollowupTemplate("t1", List.of("lead_name"),
                List.of("lead_name", "lead_name"), List.of("custom:x"), "there"));
        settings.load();

        followup.chosenProperty().set(Choice.NONE);
        settings.save();

        assertThat(((OrganisationSettingsUpdate) backend.requests.getLast()).followupTemplate()).isNull();
    }

    @Test
    void theServersProblemWithTheTemplateIsShownUnderIt() {
        settings.load();
        choose("t1");
        followup.sources().get(3).textProperty().set("A-17");
        backend.failNextWithFields("followup_template.template_id must be an APPROVED template (order_update is "
                + "PAUSED); followup_template.body needs 2 source(s), one for each variable (1 given)",
                "followup_template");

        settings.save();

        assertThat(settings.problemProperty(FOLLOWUP_TEMPLATE).get())
                .isEqualTo("The template must be an APPROVED template (order_update is PAUSED); The template's body needs "
                        + "2 source(s), one for each variable (1 given)");
        assertThat(settings.errorProperty().get()).isEqualTo("Please correct the marked fields.");
    }

    private void choose(String templateId) {
        followup.chosenProperty().set(followup.choices().stream()
                .filter(c -> c.template() != null && c.template().id().equals(templateId)).findFirst().orElseThrow());
    }

    private OrganisationSettings withFollowupTemplate(FollowupTemplate chosen) {
        OrganisationSettings o = backend.organisation;
        return new OrganisationSettings(o.id(), o.name(), o.businessProfile(), o.salesPlaybook(), o.tone(),
                o.timeZone(), o.quietHoursStart(), o.quietHoursEnd(), o.maxFollowups24h(), o.maxFollowupsTotal(),
                o.maxWords(), o.minConfidence(), o.followupCadenceMinutes(), o.ghostedAfterHours(), o.inviteCode(),
                chosen);
    }
}
