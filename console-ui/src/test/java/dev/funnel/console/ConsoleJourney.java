package dev.funnel.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.console.backend.BackendLauncher;
import dev.funnel.console.backend.HttpBackendClient;
import dev.funnel.console.backend.LaunchedBackend;
import dev.funnel.console.backend.NewOrganisation;
import dev.funnel.console.common.ConsolePreferences;
import dev.funnel.console.common.MemoryPreferences;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A TestFX journey: the real console window against a real backend, started in this JVM through the
 * same {@link BackendLauncher} the console uses for "This computer", but on a free port with a
 * throwaway data folder, no language model, and one organisation signed up.
 */
abstract class ConsoleJourney {

    static final String EMAIL = "sam@journey.example";
    static final String PASSWORD = "journey-password";
    private static final long PATIENCE_SECONDS = 20;

    static LaunchedBackend backend;
    static Path dataDir;
    final FxRobot robot = new FxRobot();
    private Application console;

    @BeforeAll
    static void startBackendWithAnOrganisation() throws IOException {
        Optional<BackendLauncher> launcher = BackendLauncher.findEmbedded();
        assertThat(launcher).as("the embedded backend launcher").isPresent();
        dataDir = Files.createTempDirectory("funnel-journey");
        backend = launcher.get().start(Map.of("FUNNEL_PORT", "0", "FUNNEL_DATA_DIR", dataDir.toString()));
        HttpBackendClient.create(backend.baseUri())
                .createOrganisation(new NewOrganisation("Journey Solar", "Sam Rivera", EMAIL, PASSWORD));
    }

    @AfterAll
    static void stopBackend() throws IOException {
        if (backend != null) {
            backend.stop();
        }
        if (dataDir != null) {
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
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
        robot.clickOn("#remoteChoice");
        fill("#serverUrl", backend.baseUri().toString());
        robot.clickOn("#connectButton");
        waitUntil(() -> robot.lookup("#loginButton").tryQuery().isPresent());

        fill("#email", EMAIL);
        fill("#password", PASSWORD);
        robot.clickOn("#loginButton");
        waitUntil(() -> robot.lookup("#conversationList").tryQuery().isPresent());
    }

    void fill(String query, String text) {
        robot.interact(() -> robot.lookup(query).queryTextInputControl().setText(text));
    }

    /** Saves the window showing {@code screen} as target/screenshots/{@code fileName}. */
    void screenshot(String screen, String fileName) {
        robot.interact(() -> Screenshots.save(robot.lookup(screen).query().getScene(),
                Path.of("target", "screenshots", fileName)));
    }

    /** On timeout, says what the screen showed: the error labels usually name the cause. */
    void waitUntil(Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("Timed out; visible messages: " + visibleMessages(), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String visibleMessages() {
        return robot.lookup((Node node) -> node instanceof Labeled label && label.isVisible()
                        && (label.getStyleClass().contains("error-text") || label.getStyleClass().contains("hint-text"))
                        && label.getText() != null && !label.getText().isBlank())
                .queryAllAs(Labeled.class).stream()
                .map(label -> (label.getId() == null ? "" : "#" + label.getId() + ": ") + label.getText())
                .toList().toString();
    }
}
