package dev.funnel.console;

import dev.funnel.console.backend.BackendLauncher;
import dev.funnel.console.backend.HttpBackendClient;
import dev.funnel.console.common.ConsolePreferences;
import dev.funnel.console.common.ControlsFxNotifier;
import dev.funnel.console.common.FxTaskExecutor;
import dev.funnel.console.common.ServerChoice;
import dev.funnel.console.setup.ServerConnector;
import dev.funnel.console.shell.Shell;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application: wires the real parts (HTTP client, FX executor, preferences) into the shell. */
public final class ConsoleApp extends Application {

    /** What the app is made of; made before JavaFX starts by {@link #startEarly()}. */
    private record Parts(ConsolePreferences preferences, ServerConnector connector) {
    }

    private static final AtomicReference<Parts> EARLY = new AtomicReference<>();

    private final ConsolePreferences preferences;
    private final ServerConnector connector;
    private FxTaskExecutor executor;
    private Shell shell;

    /** Used by {@link Application#launch}: the person's own preferences, the real environment. */
    public ConsoleApp() {
        this(Optional.ofNullable(EARLY.getAndSet(null)).orElseGet(() -> parts(ConsolePreferences.forCurrentUser(),
                BackendLauncher.findEmbedded(), System.getenv())));
    }

    /** For end-to-end tests: throwaway preferences, and a chosen embedded backend and environment. */
    public ConsoleApp(ConsolePreferences preferences, Optional<BackendLauncher> embedded,
                      Map<String, String> environment) {
        this(parts(preferences, embedded, environment));
    }

    private ConsoleApp(Parts parts) {
        this.preferences = parts.preferences();
        this.connector = parts.connector();
    }

    /**
     * Called before {@code Application.launch}: makes the app's parts now, so that for a person who chose
     * "This computer" last time the built-in server starts while JavaFX and the window do.
     */
    public static void startEarly() {
        EARLY.set(parts(ConsolePreferences.forCurrentUser(), BackendLauncher.findEmbedded(), System.getenv()));
    }

    private static Parts parts(ConsolePreferences preferences, Optional<BackendLauncher> embedded,
                               Map<String, String> environment) {
        ServerConnector connector = new ServerConnector(embedded, HttpBackendClient::create, environment);
        // a person who chose "This computer" last time gets it again: start it while the window opens
        if (preferences.rememberedServer().filter(choice -> choice.mode() == ServerChoice.Mode.EMBEDDED).isPresent()) {
            connector.startEmbeddedEarly();
        }
        return new Parts(preferences, connector);
    }

    @Override
    public void start(Stage stage) {
        executor = new FxTaskExecutor();
        shell = new Shell(stage, executor, preferences, connector, new ControlsFxNotifier(stage));
        shell.start();
    }

    /** Also stops the embedded backend, so its database is closed cleanly. */
    @Override
    public void stop() {
        if (shell != null) {
            shell.close();
        } else {
            connector.close();
        }
        if (executor != null) {
            executor.close();
        }
    }
}
