package dev.funnel.console.setup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.console.backend.FakeBackendClient;
import dev.funnel.console.backend.NewOrganisation;
import dev.funnel.console.common.ConsolePreferences;
import dev.funnel.console.common.CurrentThreadTaskExecutor;
import dev.funnel.console.common.MemoryPreferences;
import dev.funnel.console.shell.RecordingNavigator;
import org.junit.jupiter.api.Test;

class FirstRunViewModelTest {

    private final FakeBackendClient backend = new FakeBackendClient();
    private final ConsolePreferences preferences = MemoryPreferences.consolePreferences();
    private final RecordingNavigator navigator = new RecordingNavigator();
    private final FirstRunViewModel form =
            new FirstRunViewModel(backend, preferences, new CurrentThreadTaskExecutor(), navigator);

    private void fillValid() {
        form.organisationNameProperty().set("Acme Solar");
        form.nameProperty().set("Sam Rivera");
        form.emailProperty().set("sam@acme.example");
        form.passwordProperty().set("correct horse");
        form.passwordConfirmationProperty().set("correct horse");
    }

    @Test
    void anUntouchedFormShowsNoProblems() {
        assertThat(form.organisationNameProblemProperty().get()).isEmpty();
        assertThat(form.emailProblemProperty().get()).isEmpty();
    }

    @Test
    void submittingAnEmptyFormNamesEveryProblemAndSendsNothing() {
        form.createOrganisation();

        assertThat(form.organisationNameProblemProperty().get()).isEqualTo("Enter your organisation's name.");
        assertThat(form.nameProblemProperty().get()).isEqualTo("Enter your name.");
        assertThat(form.emailProblemProperty().get()).isEqualTo("Enter a valid email address.");
        assertThat(form.passwordProblemProperty().get()).isEqualTo("Use at least 8 characters.");
        assertThat(backend.calls).isEmpty();
    }

    @Test
    void differingPasswordsAreCaught() {
        fillValid();
        form.passwordConfirmationProperty().set("correct hose");

        form.createOrganisation();

        assertThat(form.confirmationProblemProperty().get()).isEqualTo("The two passwords differ.");
        assertThat(backend.calls).isEmpty();
    }

    @Test
    void problemsClearAsTheyAreFixed() {
        form.createOrganisation();

        form.emailProperty().set("sam@acme.example");

        assertThat(form.emailProblemProperty().get()).isEmpty();
    }

    @Test
    void aValidFormCreatesTheOrganisationAndOffersWhatsAppNext() {
        fillValid();

        form.createOrganisation();

        assertThat(backend.requests).containsExactly(
                new NewOrganisation("Acme Solar", "Sam Rivera", "sam@acme.example", "correct horse"));
        assertThat(navigator.last()).isEqualTo("whatsapp-onboarding");
        assertThat(preferences.lastEmail()).isEqualTo("sam@acme.example");
        assertThat(form.passwordProperty().get()).isEmpty();
    }

    @Test
    void theBackendsRefusalIsShown() {
        fillValid();
        backend.failNext(409, "This server already has an organisation; sign in instead");

        form.createOrganisation();

        assertThat(form.errorProperty().get()).isEqualTo("This server already has an organisation; sign in instead");
        assertThat(navigator.visited).isEmpty();
    }
}
