package dev.funnel.console.leads;

import static dev.funnel.console.leads.Leads.lead;
import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.console.backend.BackendException;
import dev.funnel.console.backend.FakeBackendClient;
import dev.funnel.console.backend.Lead;
import dev.funnel.console.backend.LeadChanges;
import dev.funnel.console.backend.NewLead;
import dev.funnel.console.common.CurrentThreadTaskExecutor;
import dev.funnel.console.shell.RecordingNavigator;
import java.util.List;
import org.junit.jupiter.api.Test;

class LeadFormViewModelTest {

    private final FakeBackendClient backend = new FakeBackendClient();
    private final LeadsViewModel leads =
            new LeadsViewModel(backend, new CurrentThreadTaskExecutor(), new RecordingNavigator());
    private final LeadFormViewModel form = leads.form();

    private Lead openAsha() {
        Lead asha = lead("a", "Asha Rao", "14155550123", "greeting", "unknown", "neutral");
        backend.leads.add(asha);
        leads.load();
        leads.select(leads.leads().getFirst());
        return asha;
    }

    @Test
    void editingShowsTheLeadsFields() {
        openAsha();

        assertThat(form.openProperty().get()).isTrue();
        assertThat(form.editingProperty().get()).isTrue();
        assertThat(form.titleProperty().get()).isEqualTo("Asha Rao");
        assertThat(form.phoneProperty().get()).isEqualTo("14155550123");
        assertThat(form.stageProperty().get()).isEqualTo("greeting");
        assertThat(form.emailProperty().get()).isEmpty();
    }

    @Test
    void savingSendsOnlyTheChangedFieldsAndRefreshesTheTable() {
        openAsha();
        form.companyProperty().set(" Acme ");
        form.stageProperty().set("pricing");

        form.save();

        assertThat(backend.calls).contains("updateLead a");
        assertThat(backend.requests).contains(new LeadChanges(null, null, "Acme", "pricing", null, null));
        assertThat(leads.leads().getFirst().company()).isEqualTo("Acme");
        assertThat(leads.leads().getFirst().stage()).isEqualTo("pricing");
        assertThat(form.statusProperty().get()).isEqualTo("Saved.");
    }

    @Test
    void emptyingANameClearsIt() {
        openAsha();
        form.nameProperty().set("  ");

        form.save();

        assertThat(backend.requests).contains(new LeadChanges("", null, null, null, null, null));
    }

    @Test
    void savingWithoutChangesSendsNothing() {
        openAsha();

        form.save();

        assertThat(backend.calls).doesNotContain("updateLead a");
        assertThat(form.statusProperty().get()).isEqualTo("Nothing changed.");
    }

    @Test
    void theServersFieldProblemsAreShownNextToTheirFields() {
        openAsha();
        form.emailProperty().set("asha-at-example");
        form.nameProperty().set("x".repeat(201));
        backend.failNext(new BackendException(400,
                "name must be at most 200 characters; email must be an address like name@example.com",
                List.of("name", "email")));

        form.save();

        assertThat(form.nameErrorProperty().get()).isEqualTo("Name must be at most 200 characters");
        assertThat(form.emailErrorProperty().get()).isEqualTo("Email must be an address like name@example.com");
        assertThat(form.companyErrorProperty().get()).isEmpty();
        assertThat(form.errorProperty().get()).isEmpty();
        assertThat(form.busyProperty().get()).isFalse();
    }

    @Test
    void fieldProblemsGoAwayWithTheNextSave() {
        openAsha();
        form.emailProperty().set("asha-at-example");
        backend.failNext(new BackendException(400, "email must be an address like name@example.com", List.of("email")));
        form.save();

        form.emailProperty().set("asha@example.com");
        form.save();

        assertThat(form.emailErrorProperty().get()).isEmpty();
        assertThat(form.statusProperty().get()).isEqualTo("Saved.");
    }

    @Test
    void aProblemNotAboutAFieldIsShownForTheForm() {
        openAsha();
        form.nameProperty().set("Asha R.");
        backend.failNext(404, "Lead not found");

        form.save();

        assertThat(form.errorProperty().get()).isEqualTo("Lead not found");
    }

    @Test
    void aNewLeadNeedsAPhoneBeforeAnythingIsSent() {
        form.startNew();
        form.nameProperty().set("Chen");

        form.save();

        assertThat(form.phoneErrorProperty().get()).isEqualTo("Enter the lead's WhatsApp number, with the country code.");
        assertThat(backend.calls).doesNotContain("createLead");
    }

    @Test
    void creatingALeadAddsItAndOpensItForEditing() {
        form.startNew();
        form.phoneProperty().set("+1 415 555 0188");
        form.nameProperty().set("Chen");

        form.save();

        assertThat(backend.requests).contains(new NewLead("+1 415 555 0188", "Chen", null, null));
        assertThat(leads.leads()).extracting(Lead::name).containsExactly("Chen");
        assertThat(form.editingProperty().get()).isTrue();
        assertThat(form.statusProperty().get()).isEqualTo("Lead added.");
    }

    @Test
    void aRefusedPhoneIsShownUnderThePhone() {
        form.startNew();
        form.phoneProperty().set("12");
        backend.failNext(new BackendException(400, "phone must have 8 to 15 digits with the country code",
                List.of("phone")));

        form.save();

        assertThat(form.phoneErrorProperty().get()).isEqualTo("Phone must have 8 to 15 digits with the country code");
        assertThat(form.editingProperty().get()).isFalse();
    }
}
