package dev.funnel.console;

import dev.funnel.backend.BackendConfig;
import dev.funnel.backend.BackendServer;
import dev.funnel.backend.RunningBackend;
import dev.funnel.console.backend.BackendLauncher;
import dev.funnel.console.backend.LaunchedBackend;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * "This computer": runs backend-core inside the console's JVM, reachable on loopback only. The one
 * class of the console that uses backend-core's Java API; everything else talks HTTP to it. Found by
 * {@link BackendLauncher#findEmbedded()} through META-INF/services.
 */
public final class EmbeddedBackend implements BackendLauncher {

    /**
     * H2's page cache in the console's JVM unless FUNNEL_H2_CACHE_MB is set: pages read under load live a few
     * seconds, and with H2's usual 16 MB they made young collections long enough to stall the window
     * (docs/benchmarks.md, "Console: never freeze").
     */
    static final String H2_CACHE_MB = "4";

    @Override
    public LaunchedBackend start(Map<String, String> environment) {
        BackendConfig config = BackendConfig.fromEnvironment(withConsoleDefaults(environment)).withHost("127.0.0.1");
        RunningBackend running = BackendServer.start(config);
        return new LaunchedBackend() {
            @Override
            public URI baseUri() {
                return running.baseUri();
            }

            @Override
            public void stop() {
                running.stop();
            }
        };
    }

    static Map<String, String> withConsoleDefaults(Map<String, String> environment) {
        Map<String, String> withDefaults = new HashMap<>(environment);
        withDefaults.putIfAbsent("FUNNEL_H2_CACHE_MB", H2_CACHE_MB);
        return withDefaults;
    }
}
