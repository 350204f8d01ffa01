package dev.funnel.console.prompts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.console.backend.FakeBackendClient;
import dev.funnel.console.backend.Prompt;
import dev.funnel.console.backend.PromptStep;
import dev.funnel.console.backend.PromptUpdate;
import dev.funnel.console.common.CurrentThreadTaskExecutor;
import dev.funnel.console.shell.RecordingNavigator;
import org.junit.jupiter.api.Test;

class PromptsViewModelTest {

    private final FakeBackendClient backend = new FakeBackendClient();
    private final RecordingNavigator navigator = new RecordingNavigator();
    private final PromptsViewModel admin = viewModel("admin");

    private PromptsViewModel viewModel(String role) {
        return new PromptsViewModel(backend, new CurrentThreadTaskExecutor(), navigator, role);
    }

    @Test
    void showsTheEffectivePromptWithItsVersionAndVariables() {
        admin.load();

        assertThat(backend.calls).containsExactly("prompt analyze");
        assertThat(admin.textProperty().get()).isEqualTo(backend.prompts.get(PromptStep.ANALYZE).text());
        assertThat(admin.statusProperty().get()).isEqualTo("The default text · default-0a1b2c3d4e5f");
        assertThat(admin.variables()).extracting(Prompt.Variable::name)
                .containsExactly("business_name", "last_messages", "tone");
        assertThat(admin.dirtyProperty().get()).isFalse();
        assertThat(admin.canSaveProperty().get()).isFalse();
        assertThat(admin.canResetProperty().get()).isFalse();
    }

    @Test
    void editingMakesItDirtyAndSavingSendsTheTextAsTheNewVersion() {
        admin.load();
        admin.textProperty().set("## system\nBe brief, {{tone}}.\n\n## user\n{{last_messages}}");
        assertThat(admin.dirtyProperty().get()).isTrue();

        admin.save();

        assertThat(backend.requests).containsExactly(new PromptUpdate("## system\nBe brief, {{tone}}.\n\n## user\n{{last_messages}}"));
        assertThat(admin.dirtyProperty().get()).isFalse();
        assertThat(admin.overriddenProperty().get()).isTrue();
        assertThat(admin.statusProperty().get()).startsWith("Your organisation's text · org-1 · saved ");
        assertThat(admin.savedProperty().get()).isEqualTo("Saved as org-1. The next messages use it.");
        assertThat(admin.canResetProperty().get()).isTrue();
    }

    @Test
    void anUnknownVariableIsPointedOutBeforeSaving() {
        admin.load();

        admin.textProperty().set("Hi {{business_name}}, your {{budget}} and {{#deadline}}by {{deadline}}{{/deadline}}");

        assertThat(admin.textProblemProperty().get()).isEqualTo(
                "Not a variable of this step: {{budget}}, {{deadline}}. The server will refuse it; use the variables listed.");
    }

    @Test
    void theServersRefusalIsShownNextToTheEditorAndTheEditsStay() {
        admin.load();
        admin.textProperty().set("Hi {{budget}}");
        backend.failNext(400, "The analyze prompt has unknown variable(s) {{budget}}. Allowed variables: {{tone}}");

        admin.save();

        assertThat(admin.errorProperty().get())
                .isEqualTo("The analyze prompt has unknown variable(s) {{budget}}. Allowed variables: {{tone}}");
        assertThat(admin.textProperty().get()).isEqualTo("Hi {{budget}}");
        assertThat(admin.dirtyProperty().get()).isTrue();
    }

    @Test
    void anEmptyPromptCannotBeSaved() {
        admin.load();

        admin.textProperty().set("   ");

        assertThat(admin.textProblemProperty().get()).isEqualTo("A prompt cannot be empty.");
        assertThat(admin.canSaveProperty().get()).isFalse();
    }

    @Test
    void resetGoesBackToTheDefault() {
        admin.load();
        admin.textProperty().set("Mine {{tone}}");
        admin.save();

        admin.resetToDefault();

        assertThat(backend.calls).contains("resetPrompt analyze");
        assertThat(admin.textProperty().get()).isEqualTo(backend.defaultPrompts.get(PromptStep.ANALYZE).text());
        assertThat(admin.overriddenProperty().get()).isFalse();
        assertThat(admin.savedProperty().get()).isEqualTo("Back to the default prompt.");
    }

    @Test
    void switchingStepWithUnsavedChangesAsksFirst() {
        admin.load();
        admin.textProperty().set("changed");

        admin.select(PromptStep.GENERATE);

        assertThat(admin.unsavedWarningProperty().get()).isEqualTo("Your changes to the analyze prompt are not saved.");
        assertThat(admin.stepProperty().get()).isEqualTo(PromptStep.ANALYZE);
        assertThat(backend.calls).doesNotContain("prompt generate");
    }

    @Test
    void keepingTheEditsStaysOnTheStep() {
        admin.load();
        admin.textProperty().set("changed");
        admin.select(PromptStep.GENERATE);

        admin.keepEditing();

        assertThat(admin.unsavedWarningProperty().get()).isEmpty();
        assertThat(admin.textProperty().get()).isEqualTo("changed");
        assertThat(admin.stepProperty().get()).isEqualTo(PromptStep.ANALYZE);
    }

    @Test
    void discardingTheEditsOpensTheOtherStep() {
        admin.load();
        admin.textProperty().set("changed");
        admin.select(PromptStep.GENERATE);

        admin.discardAndContinue();

        assertThat(admin.stepProperty().get()).isEqualTo(PromptStep.GENERATE);
        assertThat(backend.calls).endsWith("prompt generate");
        assertThat(admin.dirtyProperty().get()).isFalse();
        assertThat(admin.unsavedWarningProperty().get()).isEmpty();
    }

    @Test
    void leavingWithUnsavedChangesAsksToo() {
        admin.load();
        admin.textProperty().set("changed");

        admin.back();
        assertThat(navigator.visited).isEmpty();
        admin.discardAndContinue();

        assertThat(navigator.last()).isEqualTo("inbox");
    }

    @Test
    void switchingWithoutChangesOpensTheStepAtOnce() {
        admin.load();

        admin.select(PromptStep.FOLLOWUP);

        assertThat(admin.stepProperty().get()).isEqualTo(PromptStep.FOLLOWUP);
        assertThat(admin.unsavedWarningProperty().get()).isEmpty();
    }

    @Test
    void anAgentReadsButCannotChange() {
        PromptsViewModel agent = viewModel("agent");
        agent.load();
        agent.textProperty().set("changed");

        assertThat(agent.readOnlyProperty().get()).isTrue();
        assertThat(agent.canSaveProperty().get()).isFalse();
        assertThat(agent.canResetProperty().get()).isFalse();
    }

    @Test
    void aRefusedSaveSaysOnlyAnAdminCanChangePrompts() {
        admin.load();
        admin.textProperty().set("Mine {{tone}}");
        backend.failNext(403, "Only an admin can change prompts: ask an admin of your organisation");

        admin.save();

        assertThat(admin.errorProperty().get()).isEqualTo(PromptsViewModel.ADMIN_ONLY);
        assertThat(admin.readOnlyProperty().get()).isTrue();
        assertThat(admin.canSaveProperty().get()).isFalse();
    }

    @Test
    void aFailedLoadSaysWhy() {
        backend.failNext(0, "Cannot reach the server at http://127.0.0.1:8090. Is it running?");

        admin.load();

        assertThat(admin.errorProperty().get()).isEqualTo("Cannot reach the server at http://127.0.0.1:8090. Is it running?");
        assertThat(admin.statusProperty().get()).isEmpty();
        assertThat(admin.canSaveProperty().get()).isFalse();
    }
}
