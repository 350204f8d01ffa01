package dev.funnel.console;

import dev.funnel.console.backend.HttpBackendClient;
import dev.funnel.console.backend.NewOrganisation;
import dev.funnel.console.common.ConsolePreferences;
import dev.funnel.console.common.MemoryPreferences;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;
import javafx.application.Application;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * A TestFX journey: the real console window against a real backend ({@link JourneyBackend}) with no
 * language model, one organisation signed up, and Meta's Graph API played by a stand-in on loopback
 * (so connecting a number or submitting a template never leaves the machine).
 */
abstract class ConsoleJourney {

    static final String EMAIL = "sam@journey.example";
    static final String PASSWORD = "journey-password";

    static GraphApiStandIn graph;
    static JourneyBackend backend;
    final FxRobot robot = new FxRobot();
    private Application console;

    @BeforeAll
    static void startBackendWithAnOrganisation() throws IOException {
        graph = GraphApiStandIn.start();
        backend = JourneyBackend.start(Map.of("WHATSAPP_GRAPH_URL", graph.baseUrl().toString()));
        HttpBackendClient.create(backend.baseUri())
                .createOrganisation(new NewOrganisation("Journey Solar", "Sam Rivera", EMAIL, PASSWORD));
    }

    @AfterAll
    static void stopBackend() throws IOException {
        if (backend != null) {
            backend.close();
        }
        if (graph != null) {
            graph.close();
        }
    }

    @BeforeEach
    void openConsole() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
        ConsolePreferences preferences = new ConsolePreferences(new MemoryPreferences());
        console = FxToolkit.setupApplication(() -> new ConsoleApp(preferences, Optional.empty(), Map.of()));
    }

    /** Runs the app's stop(), which closes the live connection before the backend goes away. */
    @AfterEach
    void closeConsole() throws TimeoutException {
        FxToolkit.cleanupApplication(console);
        FxToolkit.cleanupStages();
    }

    /** Connects to the backend as a remote server and signs in; the inbox opens. */
    void signIn() {
        ConsoleRobot.signIn(robot, backend.baseUri().toString(), EMAIL, PASSWORD);
    }

    void fill(String query, String text) {
        ConsoleRobot.fill(robot, query, text);
    }

    /** Saves the window showing {@code screen} as target/screenshots/{@code fileName}. */
    void screenshot(String screen, String fileName) {
        robot.interact(() -> Screenshots.save(robot.lookup(screen).query().getScene(),
                Path.of("target", "screenshots", fileName)));
    }

    void waitUntil(Callable<Boolean> condition) {
        ConsoleRobot.waitUntil(robot, condition);
    }
}
