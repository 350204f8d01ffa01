package dev.funnel.console.setup;

import dev.funnel.console.backend.BackendClient;
import dev.funnel.console.backend.BackendLauncher;
import dev.funnel.console.backend.LaunchedBackend;
import dev.funnel.console.common.ServerChoice;
import dev.funnel.console.common.WebAddresses;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * Reaches the chosen backend: starts the embedded one (once per run, possibly early, while the window
 * opens) or checks a team server's {@code /health}, then asks whether it has an organisation yet.
 * Blocking; run it through a TaskExecutor.
 */
public final class ServerConnector implements AutoCloseable {

    /** A reachable backend and whether the first-run form is still needed. */
    public record Connection(BackendClient client, boolean hasOrganisation) {
    }

    private final Optional<BackendLauncher> launcher;
    private final Function<URI, BackendClient> clients;
    private final Map<String, String> environment;
    private CompletableFuture<LaunchedBackend> embedded;

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

    /**
     * Starts the embedded backend on a thread of its own and returns at once: for a person who chose
     * "This computer" last time, the server starts while the window opens instead of after it.
     */
    public void startEmbeddedEarly() {
        if (launcher.isPresent()) {
            embeddedStart();
        }
    }

    private URI startEmbedded() {
        try {
            return embeddedStart().join().baseUri();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** The embedded backend's start, begun once (again after a failed one). */
    private synchronized CompletableFuture<LaunchedBackend> embeddedStart() {
        if (embedded == null || embedded.isCompletedExceptionally()) {
            BackendLauncher available = launcher.orElseThrow(() -> new IllegalStateException(
                    "This build of the console has no built-in server; choose a team server instead."));
            embedded = new CompletableFuture<>();
            CompletableFuture<LaunchedBackend> starting = embedded;
            Thread.ofPlatform().name("embedded-backend-start").daemon().start(() -> {
                try {
                    starting.complete(available.start(environment));
                } catch (RuntimeException | Error e) {
                    starting.completeExceptionally(e);
                }
            });
        }
        return embedded;
    }

    /** Stops the embedded backend with the console, so its database file is closed cleanly. */
    @Override
    public synchronized void close() {
        if (embedded != null) {
            try {
                embedded.join().stop();
            } catch (CompletionException failedToStart) {
                // nothing runs, nothing to stop
            }
            embedded = null;
        }
    }
}
