package dev.funnel.backend.pipeline;

/**
 * Where the OpenAI-compatible model lives (OpenAI, Groq, Ollama, vLLM...).
 *
 * @param baseUrl the API root including the version, e.g. {@code https://api.groq.com/openai/v1}
 * @param apiKey  may be blank: local servers such as Ollama need none
 * @param model   the model name the server knows
 */
public record LlmSettings(String baseUrl, String apiKey, String model) {

    public boolean isConfigured() {
        return baseUrl != null && !baseUrl.isBlank() && model != null && !model.isBlank();
    }

    // a record would print the key into every log line that mentions the settings
    @Override
    public String toString() {
        return "LlmSettings[baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null || apiKey.isBlank() ? "(none)" : "****")
                + ", model=" + model + "]";
    }
}
