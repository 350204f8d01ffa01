package dev.funnel.console.shell;

import static dev.funnel.console.backend.TestData.conversation;
import static dev.funnel.console.backend.TestData.message;
import static dev.funnel.console.backend.TestData.simulatedConversation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.console.backend.BackendEvent;
import dev.funnel.console.backend.ConnectionState;
import dev.funnel.console.backend.Conversation;
import dev.funnel.console.backend.ConversationMode;
import dev.funnel.console.backend.FakeBackendClient;
import dev.funnel.console.backend.Message;
import dev.funnel.console.backend.MessageFrom;
import dev.funnel.console.backend.RejectedWebhook;
import dev.funnel.console.backend.RejectedWebhooks;
import dev.funnel.console.common.LiveEvents;
import dev.funnel.console.common.CurrentThreadTaskExecutor;
import dev.funnel.console.common.MemoryPreferences;
import dev.funnel.console.common.RecordingNotifier;
import dev.funnel.console.setup.ServerConnector;
import dev.funnel.console.simulator.SimulatorViewModel;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real FXML screens in a headless window (Monocle), driven against the fake backend: proves
 * every screen loads and that the bindings carry a person from sign-in to a reply.
 */
@ExtendWith(ApplicationExtension.class)
class ConsoleSmokeTest {

    private final FakeBackendClient backend = new FakeBackendClient();
    private final RecordingNotifier notifier = new RecordingNotifier();

    @Start
    void start(Stage stage) {
        backend.conversations.addAll(List.of(
                conversation("c1", "Ana", ConversationMode.BOT),
                conversation("c2", "Ben", ConversationMode.BOT)));
        backend.messagesByConversation.put("c2", List.of(message("m1", "c2", MessageFrom.LEAD, "Do you ship to Lyon?")));
        // no embedded backend: the team-server choice is preselected
        ServerConnector connector = new ServerConnector(Optional.empty(), uri -> backend, Map.of());
        new Shell(stage, new CurrentThreadTaskExecutor(), MemoryPreferences.consolePreferences(), connector, notifier)
                .start();
    }

    @Test
    void signsInTakesOverAndReplies(FxRobot robot) {
        signIn(robot);
        assertThat(conversationList(robot).getItems()).hasSize(2);

        robot.clickOn(conversationNamed(robot, "Ben"));
        assertThat(chatMessages(robot).getItems()).extracting(Message::content).containsExactly("Do you ship to Lyon?");
        assertThat(robot.lookup("#sendButton").queryButton().isDisabled()).isTrue();

        robot.clickOn("#takeoverButton");
        assertThat(robot.lookup("#takeoverButton").queryButton().getText()).isEqualTo("Release to bot");
        robot.clickOn("#replyField").write("Yes, in two days").type(KeyCode.ENTER);

        assertThat(chatMessages(robot).getItems()).extracting(Message::content).endsWith("Yes, in two days");
        assertThat(robot.lookup("#replyField").queryTextInputControl().getText()).isEmpty();
    }

    @Test
    void liveUpdatesMoveConversationsWithoutClosingTheOpenChat(FxRobot robot) {
        signIn(robot);
        robot.clickOn(conversationNamed(robot, "Ben"));

        robot.interact(() -> backend.emit(new BackendEvent.ConversationUpdated(conversation("c3", "Cleo", ConversationMode.BOT))));
        robot.interact(() -> backend.emit(new BackendEvent.MessageCreated(message("m2", "c2", MessageFrom.BOT, "We do!"), false)));
        LiveEvents.handedOver();

        assertThat(conversationList(robot).getItems()).extracting(Conversation::id).containsExactly("c2", "c3", "c1");
        assertThat(conversationList(robot).getSelectionModel().getSelectedItem().id()).isEqualTo("c2");
        assertThat(robot.lookup("#leadName").queryLabeled().getText()).isEqualTo("Ben");
        assertThat(chatMessages(robot).getItems()).extracting(Message::content).containsExactly("Do you ship to Lyon?", "We do!");
    }

    @Test
    void attentionEventNotifiesAndTheStatusBarShowsTheConnection(FxRobot robot) {
        signIn(robot);

        robot.interact(() -> backend.emit(new BackendEvent.HumanAttentionRequired("c1", "Wants to talk to a person")));
        robot.interact(() -> backend.connection(ConnectionState.CONNECTED));
        LiveEvents.handedOver();

        assertThat(notifier.shown).extracting(RecordingNotifier.Shown::title).containsExactly("Ana needs a person");
        assertThat(robot.lookup("#connectionStatus").queryLabeled().getText()).isEqualTo("Live");
        assertThat(robot.lookup("#llmBanner").query().isVisible()).isTrue();
    }

    @Test
    void rejectedWebhooksWarnInTheStatusBarAndListOnClick(FxRobot robot) {
        signIn(robot);
        assertThat(robot.lookup("#rejectedWebhooks").query().isVisible()).isFalse();
        backend.rejectedWebhooks = new RejectedWebhooks(List.of(new RejectedWebhook("r1", "Failed after 5 attempts",
                6, 1544, Instant.parse("2026-11-22T06:30:00Z"))), 3);

        robot.clickOn("#whatsAppSettingsButton");
        robot.clickOn("#leaveWhatsAppButton");
        robot.clickOn("#rejectedWebhooks");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#rejectedWebhooks").queryButton().getText())
                .isEqualTo("⚠ 4 webhooks could not be processed");
        ListView<String> list = robot.lookup("#rejectedWebhooksList").queryListView();
        assertThat(list.getItems()).singleElement().asString().contains("Failed after 5 attempts");
        assertThat(robot.lookup("#unattributedWebhooks").queryLabeled().isVisible()).isTrue();
    }

    @Test
    void simulatorShowsTheBotsReplyToTheSimulatedLead(FxRobot robot) {
        signIn(robot);
        robot.clickOn("#simulateButton");
        fill(robot, "#simText", "Hi, price?");
        robot.clickOn("#simSendButton");
        assertThat(backend.calls).contains("simulate");

        Conversation simulated = simulatedConversation("c9", SimulatorViewModel.DEFAULT_PHONE);
        robot.interact(() -> backend.emit(new BackendEvent.ConversationUpdated(simulated)));
        robot.interact(() -> backend.emit(new BackendEvent.MessageCreated(message("m7", "c9", MessageFrom.BOT, "It is 499 EUR."), true)));
        LiveEvents.handedOver();

        ListView<Message> simChat = robot.lookup("#simChat").queryListView();
        assertThat(simChat.getItems()).extracting(Message::content).containsExactly("It is 499 EUR.");
    }

    @Test
    void settingsScreensOpenFromTheInboxAndComeBack(FxRobot robot) {
        signIn(robot);

        robot.clickOn("#llmSettingsButton");
        assertThat(robot.lookup("#llmNotConfigured").query().isVisible()).isTrue();
        robot.clickOn("#presetOPENAI");
        assertThat(robot.lookup("#llmBaseUrl").queryTextInputControl().getText()).isEqualTo("https://api.openai.com/v1");
        robot.clickOn("#backToInboxButton");

        robot.clickOn("#whatsAppSettingsButton");
        assertThat(robot.lookup("#whatsAppStatus").queryLabeled().getText()).startsWith("Not connected");
        robot.clickOn("#leaveWhatsAppButton");

        assertThat(robot.lookup("#conversationList").tryQuery()).isPresent();
    }

    @Test
    void aFreshServerShowsTheFirstRunFormWithItsChecks(FxRobot robot) {
        backend.hasOrganisation = false;
        fill(robot, "#serverUrl", "http://team.example:8090");
        robot.clickOn("#connectButton");

        robot.clickOn("#createOrganisationButton");

        assertThat(robot.lookup("#organisationNameProblem").queryLabeled().getText())
                .isEqualTo("Enter your organisation's name.");
        assertThat(backend.calls).doesNotContain("createOrganisation");
    }

    static void signIn(FxRobot robot) {
        fill(robot, "#serverUrl", "http://team.example:8090");
        robot.clickOn("#connectButton");
        fill(robot, "#email", "sam@acme.example");
        fill(robot, "#password", "secret-pw");
        robot.clickOn("#loginButton");
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Sets a field's text at once: typing key by key is slow and only the reply field needs to prove it. */
    private static void fill(FxRobot robot, String query, String text) {
        robot.interact(() -> robot.lookup(query).queryTextInputControl().setText(text));
    }

    private static ListView<Conversation> conversationList(FxRobot robot) {
        return robot.lookup("#conversationList").queryListView();
    }

    private static ListView<Message> chatMessages(FxRobot robot) {
        return robot.lookup("#chatMessages").queryListView();
    }

    private static Node conversationNamed(FxRobot robot, String name) {
        return robot.lookup((Node node) -> node instanceof Label label
                && label.getStyleClass().contains("conversation-name") && name.equals(label.getText())).query();
    }
}
