package dev.funnel.backend.pipeline;

import dev.funnel.backend.testing.ScriptedLlmServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class LlmClientTest {

    private static final RenderedPrompt ANALYZE_PROMPT =
            new RenderedPrompt("Funnel pipeline step: analyze\nAnswer in JSON.", "The lead said hi.");

    private final ScriptedLlmServer server = ScriptedLlmServer.start();

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void returnsTheAnswerWithTheServersTokenCountsAndTheLatency() {
        server.script(PipelineStep.ANALYZE, SeedAnswers.ANALYSIS);

        LlmReply reply = new LlmClient(new LlmSettings(server.baseUrl(), "test-key", "test-model"))
                .complete(ANALYZE_PROMPT);

        assertThat(reply.text()).isEqualTo(SeedAnswers.ANALYSIS);
        assertThat(reply.inputTokens()).isPositive();
        assertThat(reply.outputTokens()).isPositive();
        assertThat(reply.latencyMs()).isNotNegative();
        assertThat(server.requests()).singleElement().satisfies(request -> {
            assertThat(request.model()).isEqualTo("test-model");
            assertThat(request.system()).isEqualTo(ANALYZE_PROMPT.system());
            assertThat(request.user()).isEqualTo(ANALYZE_PROMPT.user());
        });
    }

    @Test
    void anUnknownModelIsNotRetriable() {
        server.failNext(PipelineStep.ANALYZE, 404, "{\"error\":{\"message\":\"model not found\"}}");
        LlmClient client = new LlmClient(new LlmSettings(server.baseUrl(), "", "no-such-model"));

        PipelineException failure = catchThrowableOfType(PipelineException.class,
                () -> client.complete(ANALYZE_PROMPT));

        assertThat(failure.retriable()).isFalse();
        assertThat(failure).hasMessageContaining("HTTP 404").hasMessageContaining("LLM_MODEL");
        assertThat(failure.step()).isEmpty();
    }

    @Test
    void aServerThatNeverAnswersTimesOutAsRetriable() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            LlmClient client = new LlmClient(
                    new LlmSettings("http://127.0.0.1:" + silent.getLocalPort() + "/v1", "k", "m"),
                    Duration.ofMillis(300));

            PipelineException failure = catchThrowableOfType(PipelineException.class,
                    () -> client.complete(ANALYZE_PROMPT));

            assertThat(failure.retriable()).isTrue();
            assertThat(failure).hasMessageContaining("did not answer");
        }
    }

    @Test
    void aServerThatIsDownIsRetriable() throws IOException {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        LlmClient client = new LlmClient(new LlmSettings("http://127.0.0.1:" + port + "/v1", "k", "m"));

        PipelineException failure = catchThrowableOfType(PipelineException.class,
                () -> client.complete(ANALYZE_PROMPT));

        assertThat(failure.retriable()).isTrue();
        assertThat(failure).hasMessageContaining("cannot reach");
    }

    @Test
    void settingsWithoutAModelAreRejected() {
        LlmSettings settings = new LlmSettings("http://127.0.0.1:1/v1", "k", " ");

        assertThat(settings.isConfigured()).isFalse();
        assertThatThrownBy(() -> new LlmClient(settings)).hasMessageContaining("LLM_MODEL");
    }

    @Test
    void settingsNeverShowTheKey() {
        assertThat(new LlmSettings("http://x/v1", "sk-secret", "m").toString()).doesNotContain("sk-secret");
    }
}
