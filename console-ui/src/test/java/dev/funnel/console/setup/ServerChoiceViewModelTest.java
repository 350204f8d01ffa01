package dev.funnel.console.setup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.console.backend.BackendLauncher;
import dev.funnel.console.backend.FakeBackendClient;
import dev.funnel.console.backend.LaunchedBackend;
import dev.funnel.console.common.ConsolePreferences;
import dev.funnel.console.common.CurrentThreadTaskExecutor;
import dev.funnel.console.common.MemoryPreferences;
import dev.funnel.console.common.ServerChoice;
import dev.funnel.console.common.ServerChoice.Mode;
import dev.funnel.console.shell.RecordingNavigator;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServerChoiceViewModelTest {

    private final FakeBackendClient backend = new FakeBackendClient();
    private final List<URI> clientsCreatedFor = new ArrayList<>();
    private final ConsolePreferences preferences = MemoryPreferences.consolePreferences();
    private final RecordingNavigator navigator = new RecordingNavigator();
    private int embeddedStarts;

    private final BackendLauncher launcher = environment -> {
        embeddedStarts++;
        return new LaunchedBackend() {
            @Override
            public URI baseUri() {
                return URI.create("http://127.0.0.1:8090");
            }

            @Override
            public void stop() {
            }
        };
    };

    private ServerChoiceViewModel viewModel(Optional<BackendLauncher> embedded) {
        ServerConnector connector = new ServerConnector(embedded, uri -> {
            clientsCreatedFor.add(uri);
            return backend;
        }, Map.of());
        return new ServerChoiceViewModel(connector, preferences, new CurrentThreadTaskExecutor(), navigator);
    }

    @Test
    void embeddedIsTheDefaultAndStartsTheBuiltInServer() {
        ServerChoiceViewModel choice = viewModel(Optional.of(launcher));
        assertThat(choice.modeProperty().get()).isEqualTo(Mode.EMBEDDED);

        choice.connect();

        assertThat(embeddedStarts).isEqualTo(1);
        assertThat(clientsCreatedFor).containsExactly(URI.create("http://127.0.0.1:8090"));
        assertThat(navigator.last()).isEqualTo("login");
    }

    @Test
    void theBuiltInServerIsStartedOnlyOncePerRun() {
        ServerChoiceViewModel choice = viewModel(Optional.of(launcher));

        choice.connect();
        choice.connect();

        assertThat(embeddedStarts).isEqualTo(1);
    }

    @Test
    void aFreshServerLeadsToTheFirstRunForm() {
        backend.hasOrganisation = false;
        ServerChoiceViewModel choice = viewModel(Optional.of(launcher));

        choice.connect();

        assertThat(navigator.last()).isEqualTo("first-run");
    }

    @Test
    void aTeamServerIsCheckedForHealthAndRemembered() {
        ServerChoiceViewModel choice = viewModel(Optional.of(launcher));
        choice.modeProperty().set(Mode.REMOTE);
        choice.serverUrlProperty().set(" https://funnel.acme.example ");

        choice.connect();

        assertThat(backend.calls).containsExactly("health", "setupStatus");
        assertThat(embeddedStarts).isZero();
        assertThat(preferences.lastServer()).isEqualTo(new ServerChoice(Mode.REMOTE, "https://funnel.acme.example"));
    }

    @Test
    void theLastChoiceIsOfferedAgain() {
        preferences.rememberServer(new ServerChoice(Mode.REMOTE, "https://funnel.acme.example"));

        ServerChoiceViewModel choice = viewModel(Optional.of(launcher));

        assertThat(choice.modeProperty().get()).isEqualTo(Mode.REMOTE);
        assertThat(choice.serverUrlProperty().get()).isEqualTo("https://funnel.acme.example");
    }

    @Test
    void anAddressWithoutSchemeIsExplainedAndCannotBeUsed() {
        ServerChoiceViewModel choice = viewModel(Optional.of(launcher));
        choice.modeProperty().set(Mode.REMOTE);

        choice.serverUrlProperty().set("funnel.acme.example");

        assertThat(choice.canConnectProperty().get()).isFalse();
        assertThat(choice.urlProblemProperty().get()).contains("http://");
    }

    @Test
    void anUnreachableServerIsReportedAndNothingIsRemembered() {
        ServerChoiceViewModel choice = viewModel(Optional.of(launcher));
        choice.modeProperty().set(Mode.REMOTE);
        choice.serverUrlProperty().set("http://10.0.0.9:8090");
        backend.failNext(0, "Cannot reach the server at http://10.0.0.9:8090. Is it running?");

        choice.connect();

        assertThat(choice.errorProperty().get()).startsWith("Cannot reach the server");
        assertThat(choice.busyProperty().get()).isFalse();
        assertThat(navigator.visited).isEmpty();
        assertThat(preferences.lastServer().mode()).isEqualTo(Mode.EMBEDDED);
    }

    @Test
    void withoutABuiltInServerTheTeamServerIsPreselected() {
        ServerChoiceViewModel choice = viewModel(Optional.empty());

        assertThat(choice.embeddedAvailable()).isFalse();
        assertThat(choice.modeProperty().get()).isEqualTo(Mode.REMOTE);
    }
}
