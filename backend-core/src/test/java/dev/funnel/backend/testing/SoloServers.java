package dev.funnel.backend.testing;

import dev.funnel.backend.RunningBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A solo backend wired to a scripted model and a recording Graph API on loopback, with no
 * organisation yet: for tests that sign up their own (one or several). {@link SoloStack} adds one.
 */
public record SoloServers(ScriptedLlmServer llm, RecordingGraphServer graph, RunningBackend backend)
        implements AutoCloseable {

    /** {@code environment} adds to or overrides the backend's defaults (e.g. FUNNEL_DEBOUNCE_MS). */
    public static SoloServers start(Path dataDir, String appSecret, Map<String, String> environment) {
        ScriptedLlmServer llm = ScriptedLlmServer.start();
        RecordingGraphServer graph;
        try {
            graph = RecordingGraphServer.start();
        } catch (IOException e) {
            llm.close();
            throw new UncheckedIOException("cannot start the recording Graph API server", e);
        }
        Map<String, String> env = new HashMap<>(Map.of(
                "WHATSAPP_APP_SECRET", appSecret,
                "WHATSAPP_GRAPH_URL", graph.baseUrl().toString()));
        env.putAll(environment);
        return new SoloServers(llm, graph, SoloBackend.start(dataDir, env));
    }

    @Override
    public void close() {
        backend.stop();
        graph.close();
        llm.close();
    }
}
