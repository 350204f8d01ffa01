package dev.funnel.backend.testing;

import dev.funnel.backend.BackendConfig;
import dev.funnel.backend.BackendServer;
import dev.funnel.backend.RunningBackend;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** The backend as the console runs it (local queue, webhook routes in-process) on a fresh H2 in memory. */
public final class SoloBackend {

    private SoloBackend() {
    }

    /** Starts on a free loopback port; {@code environment} adds to or overrides the defaults. */
    public static RunningBackend start(Path dataDir, Map<String, String> environment) {
        return start(dataDir, environment, Clock.systemUTC());
    }

    /** As {@link #start(Path, Map)}, on {@code clock}'s time. */
    public static RunningBackend start(Path dataDir, Map<String, String> environment, Clock clock) {
        Map<String, String> env = new HashMap<>(Map.of(
                "FUNNEL_PORT", "0",
                "FUNNEL_HOST", "127.0.0.1",
                "FUNNEL_DATA_DIR", dataDir.toString(),
                "FUNNEL_DB_URL", TestDatabases.h2().url()));
        env.putAll(environment);
        return BackendServer.start(BackendConfig.fromEnvironment(env), clock);
    }
}
