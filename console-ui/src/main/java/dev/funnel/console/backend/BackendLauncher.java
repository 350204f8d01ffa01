package dev.funnel.console.backend;

import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Starts a backend inside the console's JVM ("This computer"). The implementation is the only
 * class that uses backend-core's Java API; it is found through {@link ServiceLoader} so that a
 * console without backend-core on its class path still runs against a team server.
 */
public interface BackendLauncher {

    /** Blocks until the server listens. {@code environment} is read like the server's own environment variables. */
    LaunchedBackend start(Map<String, String> environment);

    static Optional<BackendLauncher> findEmbedded() {
        try {
            return ServiceLoader.load(BackendLauncher.class).findFirst();
        } catch (ServiceConfigurationError missing) {
            // the provider is listed but its class is absent: this build has no embedded backend
            return Optional.empty();
        }
    }
}
