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
import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application: wires the real parts (HTTP client, FX executor, preferences) into the shell. */
public final class ConsoleApp extends Application {

    private final ConsolePreferences preferences;
    private final ServerConnector connector;
    private FxTaskExecutor executor;
    private Shell shell;

    /** Used by {@link Application#launch}: the person's own preferences, the real environment. */
    public ConsoleApp() {
        this(ConsolePreferences.forCurrentUser(), BackendLauncher.findEmbedded(), System.getenv());
    }

    /** For end-to-end tests: throwaway preferences, and a chosen embedded backend and environment. */
    public ConsoleApp(ConsolePreferences preferences, Optional<BackendLauncher> embedded,
                      Map<String, String> environment) {
        this.preferences = preferences;
        this.connector = new ServerConnector(embedded, HttpBackendClient::create, environment);
        // a person who chose "This computer" last time gets it again: start it while the window opens
        if (preferences.rememberedServer().filter(choice -> choice.mode() == ServerChoice.Mode.EMBEDDED).isPresent()) {
            connector.startEmbeddedEarly();
        }
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
