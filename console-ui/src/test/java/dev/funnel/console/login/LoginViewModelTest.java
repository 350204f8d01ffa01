package dev.funnel.console.login;

import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.console.backend.Credentials;
import dev.funnel.console.backend.FakeBackendClient;
import dev.funnel.console.common.ConsolePreferences;
import dev.funnel.console.common.CurrentThreadTaskExecutor;
import dev.funnel.console.common.MemoryPreferences;
import dev.funnel.console.shell.RecordingNavigator;
import org.junit.jupiter.api.Test;

class LoginViewModelTest {

    private final FakeBackendClient backend = new FakeBackendClient();
    private final ConsolePreferences preferences = MemoryPreferences.consolePreferences();
    private final RecordingNavigator navigator = new RecordingNavigator();

    private LoginViewModel login() {
        return new LoginViewModel(backend, preferences, new CurrentThreadTaskExecutor(), navigator);
    }

    @Test
    void theLastEmailIsFilledIn() {
        preferences.rememberEmail("sam@acme.example");

        assertThat(login().emailProperty().get()).isEqualTo("sam@acme.example");
    }

    @Test
    void signInNeedsEmailAndPassword() {
        LoginViewModel login = login();
        login.emailProperty().set("sam@acme.example");
        assertThat(login.canLoginProperty().get()).isFalse();

        login.passwordProperty().set("secret-pw");

        assertThat(login.canLoginProperty().get()).isTrue();
    }

    @Test
    void signingInOpensTheInboxAndRemembersOnlyTheEmail() {
        LoginViewModel login = login();
        login.emailProperty().set(" sam@acme.example ");
        login.passwordProperty().set("secret-pw");

        login.login();

        assertThat(backend.requests).containsExactly(new Credentials("sam@acme.example", "secret-pw"));
        assertThat(navigator.last()).isEqualTo("inbox");
        assertThat(preferences.lastEmail()).isEqualTo("sam@acme.example");
        assertThat(login.passwordProperty().get()).isEmpty();
    }

    @Test
    void wrongCredentialsShowTheBackendsMessage() {
        LoginViewModel login = login();
        login.emailProperty().set("sam@acme.example");
        login.passwordProperty().set("wrong");
        backend.failNext(401, "Wrong email or password");

        login.login();

        assertThat(login.errorProperty().get()).isEqualTo("Wrong email or password");
        assertThat(navigator.visited).isEmpty();
        assertThat(login.busyProperty().get()).isFalse();
    }

    @Test
    void anotherServerCanBeChosen() {
        login().changeServer();

        assertThat(navigator.last()).isEqualTo("server-choice");
    }
}
