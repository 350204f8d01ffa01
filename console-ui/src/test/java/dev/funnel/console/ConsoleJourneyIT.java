package dev.funnel.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.console.backend.Conversation;
import dev.funnel.console.backend.HttpBackendClient;
import dev.funnel.console.backend.Message;
import dev.funnel.console.backend.NewOrganisation;
import dev.funnel.console.common.ConsolePreferences;
import dev.funnel.console.common.MemoryPreferences;
import dev.funnel.console.simulator.SimulatorViewModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The real console window against a real backend in this JVM ({@link JourneyBackend}) with no
 * language model (so a new lead is flagged for a person).
 */
class ConsoleJourneyIT {

    private static final String EMAIL = "sam@journey.example";
    private static final String PASSWORD = "journey-password";
    private static final String LEAD_PHONE = SimulatorViewModel.DEFAULT_PHONE;

    private static JourneyBackend backend;
    private final FxRobot robot = new FxRobot();
    private Application console;

    @BeforeAll
    static void startBackendWithAnOrganisation() throws IOException {
        backend = JourneyBackend.start(Map.of());
        HttpBackendClient.create(backend.baseUri())
                .createOrganisation(new NewOrganisation("Journey Solar", "Sam Rivera", EMAIL, PASSWORD));
    }

    @AfterAll
    static void stopBackend() throws IOException {
        if (backend != null) {
            backend.close();
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

    @Test
    void operatorSeesASimulatedLeadTakesOverAndReplies() {
        ConsoleRobot.signIn(robot, backend.baseUri().toString(), EMAIL, PASSWORD);

        robot.clickOn("#simulateButton");
        fill("#simText", "Hi, do you install solar panels in Lyon?");
        robot.clickOn("#simSendButton");
        // arrives over the real WebSocket: conversation_updated / message_created
        waitUntil(() -> conversationList().getItems().stream().anyMatch(c -> LEAD_PHONE.equals(c.leadPhone())));

        robot.clickOn(cellOfLead(LEAD_PHONE));
        waitUntil(() -> chatMessages().getItems().stream()
                .anyMatch(m -> "Hi, do you install solar panels in Lyon?".equals(m.content())));
        robot.clickOn("#takeoverButton");
        waitUntil(() -> "Release to bot".equals(robot.lookup("#takeoverButton").queryButton().getText()));

        robot.clickOn("#replyField").write("Yes we do! When would a visit suit you?").type(KeyCode.ENTER);

        waitUntil(() -> chatMessages().getItems().stream()
                .anyMatch(m -> "Yes we do! When would a visit suit you?".equals(m.content())));
        assertThat(robot.lookup("#replyField").queryTextInputControl().getText()).isEmpty();
        assertThat(robot.lookup("#connectionStatus").queryLabeled().getText()).isEqualTo("Live");
        robot.interact(() -> Screenshots.save(robot.lookup("#inboxScreen").query().getScene(),
                Path.of("target", "screenshots", "inbox.png")));
    }

    private void fill(String query, String text) {
        ConsoleRobot.fill(robot, query, text);
    }

    private ListView<Conversation> conversationList() {
        return robot.lookup("#conversationList").queryListView();
    }

    private ListView<Message> chatMessages() {
        return robot.lookup("#chatMessages").queryListView();
    }

    private Node cellOfLead(String phone) {
        return robot.lookup((Node node) -> node instanceof ListCell<?> cell
                && cell.getItem() instanceof Conversation c && phone.equals(c.leadPhone())).query();
    }

    private void waitUntil(Callable<Boolean> condition) {
        ConsoleRobot.waitUntil(robot, condition);
    }
}
