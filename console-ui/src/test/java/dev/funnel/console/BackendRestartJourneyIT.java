package dev.funnel.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.console.backend.Conversation;
import dev.funnel.console.backend.Credentials;
import dev.funnel.console.backend.HttpBackendClient;
import dev.funnel.console.backend.NewOrganisation;
import dev.funnel.console.backend.SimulatedInbound;
import dev.funnel.console.common.ConsolePreferences;
import dev.funnel.console.common.MemoryPreferences;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import javafx.application.Application;
import javafx.scene.control.ListView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The team server goes away under an open console and comes back: the console says it lost the
 * connection, reconnects by itself, and lists what happened while it was away without a reload.
 */
class BackendRestartJourneyIT {

    private static final String EMAIL = "kim@restart.example";
    private static final String PASSWORD = "restart-password";

    private final FxRobot robot = new FxRobot();
    private JourneyBackend backend;
    private Application console;

    @BeforeEach
    void startBackendAndConsole() throws IOException, TimeoutException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        backend = JourneyBackend.start(Map.of("FUNNEL_PORT", Integer.toString(port)));
        HttpBackendClient.create(backend.baseUri())
                .createOrganisation(new NewOrganisation("Restart Bikes", "Kim Lee", EMAIL, PASSWORD));
        FxToolkit.registerPrimaryStage();
        ConsolePreferences preferences = new ConsolePreferences(new MemoryPreferences());
        console = FxToolkit.setupApplication(() -> new ConsoleApp(preferences, Optional.empty(), Map.of()));
    }

    @AfterEach
    void stopBoth() throws TimeoutException, IOException {
        FxToolkit.cleanupApplication(console);
        FxToolkit.cleanupStages();
        backend.close();
    }

    @Test
    void theConsoleShowsTheLostConnectionReconnectsAndListsWhatItMissed() {
        ConsoleRobot.signIn(robot, backend.baseUri().toString(), EMAIL, PASSWORD);
        waitUntil(() -> "Live".equals(connectionStatus()));
        HttpBackendClient api = HttpBackendClient.create(backend.baseUri());
        api.login(new Credentials(EMAIL, PASSWORD));
        api.simulate(new SimulatedInbound("4917100000001", "Before Restart", "Do you repair e-bikes?"));
        waitUntil(() -> listed().contains("Before Restart"));

        backend.stop();
        waitUntil(() -> connectionStatus().startsWith("Connection lost"));

        backend.start();
        HttpBackendClient afterRestart = HttpBackendClient.create(backend.baseUri());
        afterRestart.login(new Credentials(EMAIL, PASSWORD));
        afterRestart.simulate(new SimulatedInbound("4917100000002", "While Away", "Is the shop open on Sunday?"));

        waitUntil(() -> "Live".equals(connectionStatus()));
        waitUntil(() -> listed().contains("While Away"));
        assertThat(listed()).containsOnlyOnce("Before Restart", "While Away");
    }

    private String connectionStatus() {
        return robot.lookup("#connectionStatus").queryLabeled().getText();
    }

    @SuppressWarnings("unchecked")
    private java.util.List<String> listed() {
        ListView<Conversation> list = robot.lookup("#conversationList").queryAs(ListView.class);
        return list.getItems().stream().map(Conversation::displayName).toList();
    }

    private void waitUntil(java.util.concurrent.Callable<Boolean> condition) {
        ConsoleRobot.waitUntil(robot, condition);
    }
}
