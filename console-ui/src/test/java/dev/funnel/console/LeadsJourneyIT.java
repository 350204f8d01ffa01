package dev.funnel.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.console.backend.BackendLauncher;
import dev.funnel.console.backend.HttpBackendClient;
import dev.funnel.console.backend.LaunchedBackend;
import dev.funnel.console.backend.Lead;
import dev.funnel.console.backend.LeadImportFailure;
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
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Leads screen in the real console window against a real embedded backend: a CSV file with a
 * good and a bad row is imported through the import panel's path field (the file chooser cannot be
 * driven headless; the file is still read and sent by the console like a chosen one).
 */
class LeadsJourneyIT {

    private static final String EMAIL = "lee@leads-journey.example";
    private static final String PASSWORD = "journey-password";
    private static final long PATIENCE_SECONDS = 20;

    private static LaunchedBackend backend;
    private static Path dataDir;
    private final FxRobot robot = new FxRobot();
    private Application console;

    @BeforeAll
    static void startBackendWithAnOrganisation() throws IOException {
        Optional<BackendLauncher> launcher = BackendLauncher.findEmbedded();
        assertThat(launcher).as("the embedded backend launcher").isPresent();
        dataDir = Files.createTempDirectory("funnel-leads-journey");
        backend = launcher.get().start(Map.of("FUNNEL_PORT", "0", "FUNNEL_DATA_DIR", dataDir.toString()));
        HttpBackendClient.create(backend.baseUri())
                .createOrganisation(new NewOrganisation("Sunrise Solar", "Lee Moreau", EMAIL, PASSWORD));
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

    @AfterEach
    void closeConsole() throws TimeoutException {
        FxToolkit.cleanupApplication(console);
        FxToolkit.cleanupStages();
    }

    @Test
    void operatorImportsACsvAndSeesTheCountsTheRefusedRowAndTheNewLead() throws IOException {
        Path csv = dataDir.resolve("expo-leads.csv");
        Files.writeString(csv, """
                Name,Phone,Email,Company
                Priya Nair,+44 20 7946 0958,priya@sunrise-homes.example,Sunrise Homes
                Bad Number,12345,bad@example.com,Nowhere Ltd
                """);

        robot.clickOn("#remoteChoice");
        fill("#serverUrl", backend.baseUri().toString());
        robot.clickOn("#connectButton");
        waitUntil(() -> robot.lookup("#loginButton").tryQuery().isPresent());
        fill("#email", EMAIL);
        fill("#password", PASSWORD);
        robot.clickOn("#loginButton");
        waitUntil(() -> robot.lookup("#leadsButton").tryQuery().isPresent());

        robot.clickOn("#leadsButton");
        waitUntil(() -> "No leads yet. Add one or import a CSV file.".equals(text("#pageLabel")));

        fill("#importPath", csv.toString());
        robot.clickOn("#importButton");

        waitUntil(() -> !text("#importSummary").isEmpty());
        assertThat(text("#importSummary")).isEqualTo("1 added, 0 updated, 0 unchanged, 1 row refused.");
        TableView<LeadImportFailure> failures = robot.lookup("#importFailures").queryTableView();
        assertThat(failures.getItems()).singleElement().satisfies(failure -> {
            assertThat(failure.row()).isEqualTo(3);
            assertThat(failure.errors()).anyMatch(error -> error.startsWith("phone"));
        });
        waitUntil(() -> leadsTable().getItems().stream().anyMatch(lead -> "Priya Nair".equals(lead.name())));
        Lead priya = leadsTable().getItems().getFirst();
        assertThat(priya.phone()).isEqualTo("442079460958");
        assertThat(priya.company()).isEqualTo("Sunrise Homes");
        assertThat(text("#pageLabel")).isEqualTo("1–1 of 1");
        robot.interact(() -> Screenshots.save(robot.lookup("#leadsScreen").query().getScene(),
                Path.of("target", "screenshots", "leads.png")));

        robot.clickOn(robot.lookup((Node node) -> node instanceof TableCell<?, ?> cell
                && "Priya Nair".equals(cell.getItem())).<Node>query());
        waitUntil(() -> "Priya Nair".equals(robot.lookup("#leadName").queryTextInputControl().getText()));
        assertThat(robot.lookup("#leadEmail").queryTextInputControl().getText()).isEqualTo("priya@sunrise-homes.example");
    }

    private void fill(String query, String text) {
        robot.interact(() -> robot.lookup(query).queryTextInputControl().setText(text));
    }

    private String text(String query) {
        return robot.lookup(query).queryLabeled().getText();
    }

    private TableView<Lead> leadsTable() {
        return robot.lookup("#leadsTable").queryTableView();
    }

    /** On timeout, says what the screen showed: the error labels usually name the cause. */
    private void waitUntil(Callable<Boolean> condition) {
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
