package dev.funnel.console.backend;

/** An empty api key keeps the key already saved on the server (which never sends it back to us). */
public record LlmSettingsUpdate(String baseUrl, String model, String apiKey) {

    @Override
    public String toString() {
        return "LlmSettingsUpdate[baseUrl=" + baseUrl + ", model=" + model + "]";
    }
}
