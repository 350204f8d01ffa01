package dev.funnel.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.console.backend.BackendLauncher;
import dev.funnel.console.backend.LaunchedBackend;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A real backend for a journey, started in this JVM through the same {@link BackendLauncher} the
 * console uses for "This computer", but on a free port with a throwaway data folder.
 */
final class JourneyBackend implements AutoCloseable {

    private final BackendLauncher launcher;
    private final Map<String, String> environment;
    private final Path dataDir;
    private LaunchedBackend backend;

    private JourneyBackend(BackendLauncher launcher, Map<String, String> environment, Path dataDir) {
        this.launcher = launcher;
        this.environment = environment;
        this.dataDir = dataDir;
        this.backend = launcher.start(environment);
    }

    /** @param environment more settings, e.g. WHATSAPP_GRAPH_URL */
    static JourneyBackend start(Map<String, String> environment) throws IOException {
        Optional<BackendLauncher> launcher = BackendLauncher.findEmbedded();
        assertThat(launcher).as("the embedded backend launcher").isPresent();
        Path dataDir = Files.createTempDirectory("funnel-journey");
        Map<String, String> env = new HashMap<>(environment);
        env.putIfAbsent("FUNNEL_PORT", "0");
        env.put("FUNNEL_DATA_DIR", dataDir.toString());
        return new JourneyBackend(launcher.get(), Map.copyOf(env), dataDir);
    }

    /** Stops the backend, as a crash or an upgrade would; {@link #start()} brings it back on its data folder. */
    void stop() {
        backend.stop();
    }

    /** Starts it again on the same data folder (and port, when one was given). */
    void start() {
        backend = launcher.start(environment);
    }

    URI baseUri() {
        return backend.baseUri();
    }

    @Override
    public void close() throws IOException {
        backend.stop();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
