package dev.funnel.backend.knowledge;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.openai.OpenAiEmbeddingModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Turns texts into unit-length vectors through a langchain4j embedding model: the offline one,
 * loaded on first use (its ~23 MB network costs memory only once the knowledge base is used), or a
 * remote OpenAI-compatible one.
 */
public final class Embedder {

    public static final String OFFLINE_NAME = "all-minilm-l6-v2-q (offline)";
    private static final int BATCH = 32;
    private static final Duration REMOTE_TIMEOUT = Duration.ofSeconds(60);

    private final String name;
    private final Supplier<EmbeddingModel> model;
    private volatile EmbeddingModel loaded;
    private volatile int dimensions;

    private Embedder(String name, Supplier<EmbeddingModel> model, int dimensions) {
        this.name = name;
        this.model = model;
        this.dimensions = dimensions;
    }

    public static Embedder create(KnowledgeConfig config) {
        if (!config.remote()) {
            return new Embedder(OFFLINE_NAME, AllMiniLmL6V2QuantizedEmbeddingModel::new, 384);
        }
        return new Embedder(config.model(), () -> OpenAiEmbeddingModel.builder().baseUrl(config.baseUrl())
                .apiKey(config.apiKey()).modelName(config.model()).timeout(REMOTE_TIMEOUT).maxRetries(2).build(), 0);
    }

    /** The model's name as chunks record it: chunks of another model are indexed again. */
    public String name() {
        return name;
    }

    /** The vectors' length; 0 for a remote model that has not answered yet. */
    public int dimensions() {
        return dimensions;
    }

    /**
     * @return one unit-length vector per text, in order
     * @throws RuntimeException when the remote model fails (langchain4j's exceptions)
     */
    public List<float[]> embed(List<String> texts) {
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (int from = 0; from < texts.size(); from += BATCH) {
            List<TextSegment> batch = texts.subList(from, Math.min(texts.size(), from + BATCH)).stream()
                    .map(TextSegment::from).toList();
            for (Embedding embedding : model().embedAll(batch).content()) {
                vectors.add(Vectors.normalised(embedding.vector()));
            }
        }
        if (!vectors.isEmpty()) {
            dimensions = vectors.getFirst().length;
        }
        return vectors;
    }

    public float[] embed(String text) {
        return embed(List.of(text)).getFirst();
    }

    private EmbeddingModel model() {
        EmbeddingModel current = loaded;
        if (current == null) {
            synchronized (this) {
                if (loaded == null) {
                    loaded = model.get();
                }
                current = loaded;
            }
        }
        return current;
    }
}
