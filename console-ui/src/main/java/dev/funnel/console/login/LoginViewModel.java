package dev.funnel.console.login;

import dev.funnel.console.backend.BackendClient;
import dev.funnel.console.backend.Credentials;
import dev.funnel.console.common.ConsolePreferences;
import dev.funnel.console.common.ErrorMessages;
import dev.funnel.console.common.TaskExecutor;
import dev.funnel.console.shell.Navigator;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** Sign in to a server that already has an organisation. The email is remembered, the password never. */
public final class LoginViewModel {

    private final BackendClient client;
    private final ConsolePreferences preferences;
    private final TaskExecutor executor;
    private final Navigator navigator;

    private final StringProperty email = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanBinding canLogin;

    public LoginViewModel(BackendClient client, ConsolePreferences preferences, TaskExecutor executor,
                          Navigator navigator) {
        this.client = client;
        this.preferences = preferences;
        this.executor = executor;
        this.navigator = navigator;
        email.set(preferences.lastEmail());
        canLogin = email.isNotEmpty().and(password.isNotEmpty()).and(busy.not());
    }

    public void login() {
        if (!canLogin.get()) {
            return;
        }
        Credentials credentials = new Credentials(email.get().strip(), password.get());
        busy.set(true);
        error.set("");
        executor.execute(() -> client.login(credentials), session -> {
            busy.set(false);
            password.set("");
            preferences.rememberEmail(credentials.email());
            navigator.signedIn(session, false);
        }, failure -> {
            busy.set(false);
            password.set("");
            error.set(ErrorMessages.describe(failure));
        });
    }

    public void changeServer() {
        navigator.showServerChoice();
    }

    /** Shown under the title so a person knows which server they are signing in to. */
    public String serverDescription() {
        return "Server: " + client.baseUri();
    }

    public StringProperty emailProperty() {
        return email;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    public BooleanBinding canLoginProperty() {
        return canLogin;
    }
}
