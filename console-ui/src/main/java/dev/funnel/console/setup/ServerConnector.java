package dev.funnel.console.setup;

import dev.funnel.console.backend.BackendClient;
import dev.funnel.console.backend.BackendLauncher;
import dev.funnel.console.backend.LaunchedBackend;
import dev.funnel.console.common.ServerChoice;
import dev.funnel.console.common.WebAddresses;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reaches the chosen backend: starts the embedded one (once per run) or checks a team server's
 * {@code /health}, then asks whether it has an organisation yet. Blocking; run it through a TaskExecutor.
 */
public final class ServerConnector implements AutoCloseable {

    /** A reachable backend and whether the first-run form is still needed. */
    public record Connection(BackendClient client, boolean hasOrganisation) {
    }

    private final Optional<BackendLauncher> launcher;
    private final Function<URI, BackendClient> clients;
    private final Map<String, String> environment;
    private LaunchedBackend embedded;

    public ServerConnector(Optional<BackendLauncher> launcher, Function<URI, BackendClient> clients,
                           Map<String, String> environment) {
        this.launcher = launcher;
        this.clients = clients;
        this.environment = Map.copyOf(environment);
    }

    public boolean embeddedAvailable() {
        return launcher.isPresent();
    }

    public Connection connect(ServerChoice choice) {
        BackendClient client = switch (choice.mode()) {
            case EMBEDDED -> clients.apply(startEmbedded());
            case REMOTE -> {
                BackendClient remote = clients.apply(WebAddresses.parse(choice.url()));
                remote.health();
                yield remote;
            }
        };
        return new Connection(client, client.setupStatus().hasOrganisation());
    }

    private synchronized URI startEmbedded() {
        if (embedded == null) {
            BackendLauncher available = launcher.orElseThrow(() -> new IllegalStateException(
                    "This build of the console has no built-in server; choose a team server instead."));
            embedded = available.start(environment);
        }
        return embedded.baseUri();
    }

    /** Stops the embedded backend with the console, so its database file is closed cleanly. */
    @Override
    public synchronized void close() {
        if (embedded != null) {
            embedded.stop();
            embedded = null;
        }
    }
}
