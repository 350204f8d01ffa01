package dev.funnel.console.setup;

import dev.funnel.console.backend.BackendClient;
import dev.funnel.console.backend.NewOrganisation;
import dev.funnel.console.common.ConsolePreferences;
import dev.funnel.console.common.ErrorMessages;
import dev.funnel.console.common.TaskExecutor;
import dev.funnel.console.shell.Navigator;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;

/**
 * First start of a fresh server: create the organisation and its first user. Problems are shown
 * per field, but only after the first attempt to submit, so an empty form does not shout.
 */
public final class FirstRunViewModel {

    static final int MIN_PASSWORD_LENGTH = 8;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final BackendClient client;
    private final ConsolePreferences preferences;
    private final TaskExecutor executor;
    private final Navigator navigator;

    private final StringProperty organisationName = new SimpleStringProperty("");
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty email = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty passwordConfirmation = new SimpleStringProperty("");
    private final BooleanProperty attempted = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty error = new SimpleStringProperty("");

    private final StringBinding organisationNameProblem = problem(organisationName,
            () -> organisationName.get().isBlank() ? "Enter your organisation's name." : "");
    private final StringBinding nameProblem = problem(name,
            () -> name.get().isBlank() ? "Enter your name." : "");
    private final StringBinding emailProblem = problem(email,
            () -> EMAIL.matcher(email.get().strip()).matches() ? "" : "Enter a valid email address.");
    private final StringBinding passwordProblem = problem(password,
            () -> password.get().length() < MIN_PASSWORD_LENGTH
                    ? "Use at least " + MIN_PASSWORD_LENGTH + " characters." : "");
    private final StringBinding confirmationProblem = problem(passwordConfirmation,
            () -> passwordConfirmation.get().equals(password.get()) ? "" : "The two passwords differ.", password);

    public FirstRunViewModel(BackendClient client, ConsolePreferences preferences, TaskExecutor executor,
                             Navigator navigator) {
        this.client = client;
        this.preferences = preferences;
        this.executor = executor;
        this.navigator = navigator;
    }

    private boolean valid() {
        return organisationNameProblem.get().isEmpty() && nameProblem.get().isEmpty() && emailProblem.get().isEmpty()
                && passwordProblem.get().isEmpty() && confirmationProblem.get().isEmpty();
    }

    public void createOrganisation() {
        attempted.set(true);
        if (busy.get() || !valid()) {
            return;
        }
        NewOrganisation request = new NewOrganisation(organisationName.get().strip(), name.get().strip(),
                email.get().strip(), password.get());
        busy.set(true);
        error.set("");
        executor.execute(() -> client.createOrganisation(request), session -> {
            busy.set(false);
            password.set("");
            passwordConfirmation.set("");
            preferences.rememberEmail(request.email());
            navigator.signedIn(session, true);
        }, failure -> {
            busy.set(false);
            error.set(ErrorMessages.describe(failure));
        });
    }

    public void changeServer() {
        navigator.showServerChoice();
    }

    /** The field's problem once the form was submitted; empty otherwise. */
    private StringBinding problem(ObservableValue<?> field, Callable<String> check, ObservableValue<?>... more) {
        ObservableValue<?>[] dependencies = new ObservableValue<?>[more.length + 2];
        dependencies[0] = field;
        dependencies[1] = attempted;
        System.arraycopy(more, 0, dependencies, 2, more.length);
        return Bindings.createStringBinding(() -> attempted.get() ? check.call() : "", dependencies);
    }

    public StringProperty organisationNameProperty() {
        return organisationName;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty emailProperty() {
        return email;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty passwordConfirmationProperty() {
        return passwordConfirmation;
    }

    public StringBinding organisationNameProblemProperty() {
        return organisationNameProblem;
    }

    public StringBinding nameProblemProperty() {
        return nameProblem;
    }

    public StringBinding emailProblemProperty() {
        return emailProblem;
    }

    public StringBinding passwordProblemProperty() {
        return passwordProblem;
    }

    public StringBinding confirmationProblemProperty() {
        return confirmationProblem;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }
}
