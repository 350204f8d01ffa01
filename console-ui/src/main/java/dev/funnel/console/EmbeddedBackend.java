package dev.funnel.console;

import dev.funnel.backend.BackendConfig;
import dev.funnel.backend.BackendServer;
import dev.funnel.backend.RunningBackend;
import dev.funnel.console.backend.BackendLauncher;
import dev.funnel.console.backend.LaunchedBackend;
import java.net.URI;
import java.util.Map;

/**
 * "This computer": runs backend-core inside the console's JVM, reachable on loopback only. The one
 * class of the console that uses backend-core's Java API; everything else talks HTTP to it. Found by
 * {@link BackendLauncher#findEmbedded()} through META-INF/services.
 */
public final class EmbeddedBackend implements BackendLauncher {

    @Override
    public LaunchedBackend start(Map<String, String> environment) {
        BackendConfig config = BackendConfig.fromEnvironment(environment).withHost("127.0.0.1");
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
}
