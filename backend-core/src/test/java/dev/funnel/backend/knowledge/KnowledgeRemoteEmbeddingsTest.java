package dev.funnel.backend.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.backend.RunningBackend;
import dev.funnel.backend.testing.ApiClient;
import dev.funnel.backend.testing.ScriptedLlmServer;
import dev.funnel.backend.testing.SoloBackend;
import dev.funnel.backend.testing.Waits;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With EMBEDDINGS_* set, chunks and questions are embedded by the OpenAI-compatible endpoint through langchain4j. */
class KnowledgeRemoteEmbeddingsTest {

    @Test
    void aConfiguredEmbeddingsEndpointEmbedsTheChunksAndTheQuestions(@TempDir Path dataDir) {
        try (ScriptedLlmServer llm = ScriptedLlmServer.start();
             RunningBackend backend = SoloBackend.start(dataDir, Map.of("EMBEDDINGS_BASE_URL", llm.baseUrl(),
                     "EMBEDDINGS_MODEL", "scripted-embeddings", "EMBEDDINGS_API_KEY", "k"))) {
            ApiClient api = ApiClient.admin(backend.baseUri(), "Remote Embeddings", "owner@remote.test");
            String id = api.post("/knowledge/documents?name=shop.md", "text/markdown", """
                    # Opening hours

                    The shop opens at nine and closes at six, every day but Sunday.

                    # Bicycle rental

                    A city bicycle costs twelve euros for a day, helmet included.
                    """.getBytes(StandardCharsets.UTF_8)).body().path("id").asText();
            Waits.until("the document to be ready", Duration.ofSeconds(30), () -> api.get("/knowledge/documents/" + id)
                    .body().path("status").asText().equals("ready"));

            ApiClient.Response hits = api.get("/knowledge/search?q=what%20does%20a%20city%20bicycle%20cost&limit=1");

            assertThat(hits.body().path(0).path("text").asText()).startsWith("Bicycle rental");
            assertThat(llm.embeddedTexts()).isEqualTo(3);
            assertThat(api.get("/knowledge/status").body().path("embedding_model").asText())
                    .isEqualTo("scripted-embeddings");
            assertThat(api.get("/knowledge/status").body().path("dimensions").asInt())
                    .isEqualTo(ScriptedLlmServer.EMBEDDING_DIMENSIONS);
        }
    }
}
