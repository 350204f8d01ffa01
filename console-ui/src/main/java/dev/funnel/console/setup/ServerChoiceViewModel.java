package dev.funnel.console.setup;

import dev.funnel.console.common.ConsolePreferences;
import dev.funnel.console.common.ErrorMessages;
import dev.funnel.console.common.ServerChoice;
import dev.funnel.console.common.WebAddresses;
import dev.funnel.console.common.ServerChoice.Mode;
import dev.funnel.console.common.TaskExecutor;
import dev.funnel.console.shell.Navigator;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** First screen: run the backend on this computer, or use a team server's address. */
public final class ServerChoiceViewModel {

    private final ServerConnector connector;
    private final ConsolePreferences preferences;
    private final TaskExecutor executor;
    private final Navigator navigator;

    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(Mode.EMBEDDED);
    private final StringProperty serverUrl = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty progress = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final StringBinding urlProblem;
    private final BooleanBinding canConnect;

    public ServerChoiceViewModel(ServerConnector connector, ConsolePreferences preferences,
                                 TaskExecutor executor, Navigator navigator) {
        this.connector = connector;
        this.preferences = preferences;
        this.executor = executor;
        this.navigator = navigator;
        ServerChoice last = preferences.lastServer();
        serverUrl.set(last.url());
        mode.set(last.mode() == Mode.EMBEDDED && !connector.embeddedAvailable() ? Mode.REMOTE : last.mode());
        urlProblem = Bindings.createStringBinding(
                () -> mode.get() == Mode.REMOTE && !serverUrl.get().isBlank() ? WebAddresses.problem(serverUrl.get()) : "",
                mode, serverUrl);
        canConnect = Bindings.createBooleanBinding(() -> !busy.get() && switch (mode.get()) {
            case EMBEDDED -> connector.embeddedAvailable();
            case REMOTE -> WebAddresses.problem(serverUrl.get()).isEmpty();
        }, busy, mode, serverUrl);
    }

    public void connect() {
        if (!canConnect.get()) {
            return;
        }
        ServerChoice choice = new ServerChoice(mode.get(), serverUrl.get().strip());
        busy.set(true);
        error.set("");
        progress.set(choice.mode() == Mode.EMBEDDED
                ? "Starting the built-in server… the first start can take a few seconds."
                : "Checking " + choice.url() + "…");
        executor.execute(() -> connector.connect(choice), connection -> {
            busy.set(false);
            progress.set("");
            preferences.rememberServer(choice);
            navigator.serverConnected(connection.client(), connection.hasOrganisation());
        }, failure -> {
            busy.set(false);
            progress.set("");
            error.set(ErrorMessages.describe(failure));
        });
    }

    public ObjectProperty<Mode> modeProperty() {
        return mode;
    }

    public StringProperty serverUrlProperty() {
        return serverUrl;
    }

    public boolean embeddedAvailable() {
        return connector.embeddedAvailable();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyStringProperty progressProperty() {
        return progress;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    public StringBinding urlProblemProperty() {
        return urlProblem;
    }

    public BooleanBinding canConnectProperty() {
        return canConnect;
    }
}
