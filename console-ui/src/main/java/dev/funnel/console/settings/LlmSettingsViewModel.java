package dev.funnel.console.settings;

import dev.funnel.console.backend.BackendClient;
import dev.funnel.console.backend.LlmSettings;
import dev.funnel.console.backend.LlmSettingsUpdate;
import dev.funnel.console.common.ErrorMessages;
import dev.funnel.console.common.TaskExecutor;
import dev.funnel.console.common.WebAddresses;
import dev.funnel.console.shell.Navigator;
import java.util.concurrent.Callable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The language model behind the bot: any OpenAI-compatible endpoint (base URL, model, API key). */
public final class LlmSettingsViewModel {

    public static final String NOT_CONFIGURED =
            "No language model configured — new conversations are flagged for a person instead of answered.";

    private final BackendClient client;
    private final TaskExecutor executor;
    private final Navigator navigator;

    private final StringProperty baseUrl = new SimpleStringProperty("");
    private final StringProperty model = new SimpleStringProperty("");
    private final StringProperty apiKey = new SimpleStringProperty("");
    /** Starts true so the warning does not flash before the first answer arrives. */
    private final BooleanProperty configured = new SimpleBooleanProperty(true);
    private final StringProperty source = new SimpleStringProperty("");
    private final StringProperty apiKeyHint = new SimpleStringProperty("API key (leave empty for Ollama)");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty saved = new SimpleStringProperty("");
    private final StringBinding baseUrlProblem = Bindings.createStringBinding(
            () -> baseUrl.get().isBlank() ? "" : urlProblem(baseUrl.get()), baseUrl);
    private final BooleanBinding canSave = Bindings.createBooleanBinding(
            () -> !busy.get() && !baseUrl.get().isBlank() && urlProblem(baseUrl.get()).isEmpty()
                    && !model.get().isBlank(), busy, baseUrl, model);

    public LlmSettingsViewModel(BackendClient client, TaskExecutor executor, Navigator navigator) {
        this.client = client;
        this.executor = executor;
        this.navigator = navigator;
    }

    public void load() {
        run(client::llmSettings, false);
    }

    public void save() {
        if (!canSave.get()) {
            return;
        }
        LlmSettingsUpdate update = new LlmSettingsUpdate(baseUrl.get().strip(), model.get().strip(), apiKey.get().strip());
        run(() -> client.saveLlmSettings(update), true);
    }

    public void usePreset(LlmPreset preset) {
        baseUrl.set(preset.baseUrl());
        model.set(preset.model());
    }

    public void back() {
        navigator.showInbox();
    }

    private void run(Callable<LlmSettings> call, boolean saving) {
        busy.set(true);
        error.set("");
        saved.set("");
        executor.execute(call, settings -> {
            busy.set(false);
            show(settings);
            if (saving) {
                saved.set("Saved. New messages will be answered with " + settings.model() + ".");
            }
        }, failure -> {
            busy.set(false);
            error.set(ErrorMessages.describe(failure));
        });
    }

    private void show(LlmSettings settings) {
        configured.set(settings.configured());
        baseUrl.set(settings.baseUrl() == null ? "" : settings.baseUrl());
        model.set(settings.model() == null ? "" : settings.model());
        apiKey.set("");
        apiKeyHint.set(settings.hasApiKey() ? "A key is saved — leave empty to keep it" : "API key (leave empty for Ollama)");
        source.set(switch (settings.source() == null ? "none" : settings.source()) {
            case "organisation" -> "Using the settings saved for your organisation.";
            case "environment" -> "Using the server's defaults (LLM_BASE_URL, LLM_MODEL). Saving here overrides them.";
            default -> "";
        });
    }

    private static String urlProblem(String text) {
        String problem = WebAddresses.problem(text);
        return problem.isEmpty() ? "" : problem + ", e.g. https://api.openai.com/v1";
    }

    public StringProperty baseUrlProperty() {
        return baseUrl;
    }

    public StringProperty modelProperty() {
        return model;
    }

    public StringProperty apiKeyProperty() {
        return apiKey;
    }

    public ReadOnlyBooleanProperty configuredProperty() {
        return configured;
    }

    public ReadOnlyStringProperty sourceProperty() {
        return source;
    }

    public ReadOnlyStringProperty apiKeyHintProperty() {
        return apiKeyHint;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    public ReadOnlyStringProperty savedProperty() {
        return saved;
    }

    public StringBinding baseUrlProblemProperty() {
        return baseUrlProblem;
    }

    public BooleanBinding canSaveProperty() {
        return canSave;
    }
}
