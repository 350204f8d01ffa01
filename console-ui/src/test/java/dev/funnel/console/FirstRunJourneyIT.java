package dev.funnel.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.console.backend.BackendLauncher;
import dev.funnel.console.common.ConsolePreferences;
import dev.funnel.console.common.MemoryPreferences;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import javafx.application.Application;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * A small business's first start: "This computer" starts the backend inside the console (a fresh data
 * folder, so no organisation yet), the first-run screen creates the organisation and its admin, the
 * owner connects the WhatsApp number (checked with a Graph API stand-in), and the inbox opens, live.
 */
class FirstRunJourneyIT {

    private final FxRobot robot = new FxRobot();
    private Application console;
    private GraphApiStandIn graph;

    @AfterEach
    void closeConsole() throws TimeoutException {
        // the app's stop() also stops the backend it started, closing its database
        FxToolkit.cleanupApplication(console);
        FxToolkit.cleanupStages();
        if (graph != null) {
            graph.close();
        }
    }

    @Test
    void anOwnerCreatesTheOrganisationOnThisComputerConnectsWhatsAppAndLandsInTheInbox(@TempDir Path dataDir)
            throws TimeoutException, IOException {
        graph = GraphApiStandIn.start();
        FxToolkit.registerPrimaryStage();
        ConsolePreferences preferences = new ConsolePreferences(new MemoryPreferences());
        console = FxToolkit.setupApplication(() -> new ConsoleApp(preferences, BackendLauncher.findEmbedded(),
                Map.of("FUNNEL_PORT", "0", "FUNNEL_DATA_DIR", dataDir.toString(),
                        "WHATSAPP_GRAPH_URL", graph.baseUrl().toString())));

        robot.clickOn("#embeddedChoice");
        robot.clickOn("#connectButton");
        ConsoleRobot.waitUntil(robot, () -> robot.lookup("#createOrganisationButton").tryQuery().isPresent());
        ConsoleRobot.fill(robot, "#organisationName", "Lumière Solar");
        ConsoleRobot.fill(robot, "#fullName", "Camille Martin");
        ConsoleRobot.fill(robot, "#signupEmail", "camille@lumiere.example");
        ConsoleRobot.fill(robot, "#signupPassword", "first-run-password");
        ConsoleRobot.fill(robot, "#signupPasswordConfirmation", "first-run-password");
        robot.interact(() -> Screenshots.save(robot.lookup("#firstRunScreen").query().getScene(),
                Path.of("target", "screenshots", "first-run.png")));
        robot.clickOn("#createOrganisationButton");

        ConsoleRobot.waitUntil(robot, () -> robot.lookup("#saveWhatsAppButton").tryQuery().isPresent());
        ConsoleRobot.fill(robot, "#phoneNumberId", "106540352242922");
        ConsoleRobot.fill(robot, "#whatsAppAccessToken", "EAAG-first-run-token");
        robot.clickOn("#saveWhatsAppButton");
        ConsoleRobot.waitUntil(robot, () -> robot.lookup("#disconnectWhatsAppButton").queryButton().isVisible());
        robot.clickOn("#leaveWhatsAppButton");

        ConsoleRobot.waitUntil(robot, () -> robot.lookup("#conversationList").tryQuery().isPresent()
                && "Live".equals(robot.lookup("#connectionStatus").queryLabeled().getText()));
        assertThat(robot.lookup("#conversationList").queryListView().getItems()).isEmpty();
        assertThat(dataDir.resolve("funnel.mv.db")).exists();
    }
}
