package dev.funnel.console.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.console.backend.FakeBackendClient;
import dev.funnel.console.backend.LlmSettings;
import dev.funnel.console.backend.LlmSettingsUpdate;
import dev.funnel.console.common.CurrentThreadTaskExecutor;
import dev.funnel.console.shell.RecordingNavigator;
import org.junit.jupiter.api.Test;

class LlmSettingsViewModelTest {

    private final FakeBackendClient backend = new FakeBackendClient();
    private final RecordingNavigator navigator = new RecordingNavigator();
    private final LlmSettingsViewModel settings =
            new LlmSettingsViewModel(backend, new CurrentThreadTaskExecutor(), navigator);

    @Test
    void saysPlainlyWhenNoModelIsConfigured() {
        settings.load();

        assertThat(settings.configuredProperty().get()).isFalse();
        assertThat(LlmSettingsViewModel.NOT_CONFIGURED).isEqualTo(
                "No language model configured — new conversations are flagged for a person instead of answered.");
    }

    @Test
    void showsSettingsComingFromTheServersEnvironment() {
        backend.llm = new LlmSettings(true, "https://api.groq.com/openai/v1", "llama-3.3-70b-versatile", true, "environment");

        settings.load();

        assertThat(settings.configuredProperty().get()).isTrue();
        assertThat(settings.baseUrlProperty().get()).isEqualTo("https://api.groq.com/openai/v1");
        assertThat(settings.sourceProperty().get()).contains("server's defaults");
        assertThat(settings.apiKeyHintProperty().get()).contains("leave empty to keep it");
    }

    @Test
    void presetFillsBaseUrlAndModel() {
        settings.usePreset(LlmPreset.OLLAMA);

        assertThat(settings.baseUrlProperty().get()).isEqualTo("http://localhost:11434/v1");
        assertThat(settings.modelProperty().get()).isEqualTo("llama3.1");
        assertThat(settings.canSaveProperty().get()).isTrue();
    }

    @Test
    void saveSendsTheSettingsAndConfirms() {
        settings.usePreset(LlmPreset.OPENAI);
        settings.apiKeyProperty().set(" sk-test ");

        settings.save();

        assertThat(backend.requests).containsExactly(
                new LlmSettingsUpdate("https://api.openai.com/v1", "gpt-4o-mini", "sk-test"));
        assertThat(settings.configuredProperty().get()).isTrue();
        assertThat(settings.apiKeyProperty().get()).isEmpty();
        assertThat(settings.savedProperty().get()).contains("gpt-4o-mini");
    }

    @Test
    void aBaseUrlThatIsNotAWebAddressBlocksSaving() {
        settings.baseUrlProperty().set("api.openai.com");
        settings.modelProperty().set("gpt-4o-mini");

        assertThat(settings.canSaveProperty().get()).isFalse();
        assertThat(settings.baseUrlProblemProperty().get()).contains("http://");
    }

    @Test
    void backendRejectionIsShown() {
        settings.usePreset(LlmPreset.GROQ);
        backend.failNext(403, "Only admins can change the language model");

        settings.save();

        assertThat(settings.errorProperty().get()).isEqualTo("Only admins can change the language model");
    }

    @Test
    void backGoesToTheInbox() {
        settings.back();

        assertThat(navigator.last()).isEqualTo("inbox");
    }
}
