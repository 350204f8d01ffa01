package dev.funnel.console.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.console.backend.FakeBackendClient;
import dev.funnel.console.common.ConsolePreferences;
import dev.funnel.console.common.CurrentThreadTaskExecutor;
import dev.funnel.console.common.MemoryPreferences;
import dev.funnel.console.common.RecordingNotifier;
import dev.funnel.console.common.ServerChoice;
import dev.funnel.console.setup.ServerConnector;
import java.util.Map;
import java.util.Optional;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A person who connected once goes straight back to that server at the next start: no server choice to click. */
@ExtendWith(ApplicationExtension.class)
class ReturningPersonTest {

    private final FakeBackendClient backend = new FakeBackendClient();

    @Start
    void start(Stage stage) {
        ConsolePreferences preferences = MemoryPreferences.consolePreferences();
        preferences.rememberServer(new ServerChoice(ServerChoice.Mode.REMOTE, "https://funnel.acme.example"));
        ServerConnector connector = new ServerConnector(Optional.empty(), uri -> backend, Map.of());
        new Shell(stage, new CurrentThreadTaskExecutor(), preferences, connector, new RecordingNotifier()).start();
    }

    @Test
    void theConsoleConnectsToTheRememberedServerAndAsksToSignIn(FxRobot robot) {
        assertThat(robot.lookup("#loginButton").tryQuery()).isPresent();
        assertThat(robot.lookup("#connectButton").tryQuery()).isEmpty();
        assertThat(backend.calls).startsWith("health", "setupStatus");
    }
}
