package dev.funnel.backend.knowledge;

import java.util.Map;
import java.util.Optional;

/**
 * Where embeddings come from: an OpenAI-compatible embeddings endpoint when {@code EMBEDDINGS_BASE_URL}
 * and {@code EMBEDDINGS_MODEL} are set, else the in-process all-MiniLM-L6-v2 model (quantized), offline.
 *
 * @param baseUrl the API root including the version, e.g. {@code https://api.openai.com/v1}; null for offline
 * @param apiKey  may be blank: local servers need none
 */
public record KnowledgeConfig(String baseUrl, String apiKey, String model) {

    public static final KnowledgeConfig OFFLINE = new KnowledgeConfig(null, null, null);

    public static KnowledgeConfig fromEnvironment(Map<String, String> env) {
        Optional<String> baseUrl = value(env, "EMBEDDINGS_BASE_URL");
        Optional<String> model = value(env, "EMBEDDINGS_MODEL");
        if (baseUrl.isPresent() != model.isPresent()) {
            throw new IllegalArgumentException("Remote embeddings need both EMBEDDINGS_BASE_URL and EMBEDDINGS_MODEL;"
                    + " set neither to use the offline model");
        }
        return baseUrl.isEmpty() ? OFFLINE
                : new KnowledgeConfig(baseUrl.get(), value(env, "EMBEDDINGS_API_KEY").orElse(""), model.get());
    }

    public boolean remote() {
        return baseUrl != null;
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::trim).filter(v -> !v.isEmpty());
    }

    // a record would print the key into every log line that mentions the configuration
    @Override
    public String toString() {
        return remote() ? "KnowledgeConfig[baseUrl=" + baseUrl + ", model=" + model + "]" : "KnowledgeConfig[offline]";
    }
}
