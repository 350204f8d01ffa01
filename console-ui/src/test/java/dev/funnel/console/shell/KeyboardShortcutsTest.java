package dev.funnel.console.shell;

import static dev.funnel.console.backend.TestData.conversation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.console.Screenshots;
import dev.funnel.console.backend.Conversation;
import dev.funnel.console.backend.ConversationMode;
import dev.funnel.console.backend.FakeBackendClient;
import dev.funnel.console.common.CurrentThreadTaskExecutor;
import dev.funnel.console.common.MemoryPreferences;
import dev.funnel.console.common.RecordingNotifier;
import dev.funnel.console.setup.ServerConnector;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real window under Monocle against the fake backend, driven by the keyboard alone. */
@ExtendWith(ApplicationExtension.class)
class KeyboardShortcutsTest {

    private final FakeBackendClient backend = new FakeBackendClient();
    private Stage window;

    @Start
    void start(Stage stage) {
        window = stage;
        backend.conversations.addAll(List.of(
                conversation("c1", "Ana", ConversationMode.BOT),
                conversation("c2", "Ben", ConversationMode.BOT),
                conversation("c3", "Cleo", ConversationMode.BOT)));
        ServerConnector connector = new ServerConnector(Optional.empty(), uri -> backend, Map.of());
        new Shell(stage, new CurrentThreadTaskExecutor(), MemoryPreferences.consolePreferences(), connector,
                new RecordingNotifier()).start();
    }

    @BeforeEach
    void signIn(FxRobot robot) {
        ConsoleSmokeTest.signIn(robot);
    }

    @Test
    void ctrlKFocusesTheSearchAndTheArrowsOpenConversationsFromThere(FxRobot robot) {
        robot.push(KeyCode.CONTROL, KeyCode.K);
        assertThat(focusOwnerId()).isEqualTo("inboxSearch");

        robot.push(KeyCode.DOWN).push(KeyCode.DOWN);
        assertThat(openLead(robot)).isEqualTo("Ben");
        assertThat(conversationList(robot).getSelectionModel().getSelectedItem().id()).isEqualTo("c2");

        robot.push(KeyCode.UP);
        assertThat(openLead(robot)).isEqualTo("Ana");
        assertThat(conversationList(robot).getSelectionModel().getSelectedItem().id()).isEqualTo("c1");
        assertThat(focusOwnerId()).isEqualTo("inboxSearch");
    }

    @Test
    void typingInTheSearchNarrowsTheListAndEscapeClearsIt(FxRobot robot) {
        robot.push(KeyCode.CONTROL, KeyCode.K).write("cleo");
        assertThat(conversationList(robot).getItems()).extracting(Conversation::id).containsExactly("c3");

        robot.push(KeyCode.DOWN);
        assertThat(openLead(robot)).isEqualTo("Cleo");

        robot.push(KeyCode.ESCAPE);
        assertThat(robot.lookup("#inboxSearch").queryTextInputControl().getText()).isEmpty();
        assertThat(conversationList(robot).getItems()).extracting(Conversation::id).containsExactly("c1", "c2", "c3");
        assertThat(conversationList(robot).getSelectionModel().getSelectedItem().id()).isEqualTo("c3");
    }

    @Test
    void ctrlTTakesOverTheOpenConversationAndCtrlShiftTReleasesIt(FxRobot robot) {
        robot.push(KeyCode.CONTROL, KeyCode.K).push(KeyCode.DOWN);

        robot.push(KeyCode.CONTROL, KeyCode.T);
        assertThat(backend.calls).contains("takeover c1");
        assertThat(robot.lookup("#takeoverButton").queryButton().getText()).isEqualTo("Release to bot");

        robot.push(KeyCode.CONTROL, KeyCode.T);
        assertThat(backend.calls).filteredOn(call -> call.startsWith("takeover")).hasSize(1);

        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.T);
        assertThat(backend.calls).contains("release c1");
        assertThat(robot.lookup("#takeoverButton").queryButton().getText()).isEqualTo("Take over");
    }

    @Test
    void theArrowsLeaveTheConversationAloneWhileTypingAReply(FxRobot robot) {
        robot.push(KeyCode.CONTROL, KeyCode.K).push(KeyCode.DOWN).push(KeyCode.CONTROL, KeyCode.T);
        robot.clickOn("#replyField").write("On my way");

        robot.push(KeyCode.DOWN);

        assertThat(openLead(robot)).isEqualTo("Ana");
        assertThat(robot.lookup("#replyField").queryTextInputControl().getText()).isEqualTo("On my way");
    }

    @Test
    void f1ShowsEveryShortcutAndEscapeClosesIt(FxRobot robot) {
        robot.push(KeyCode.F1);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#shortcutsHelp").tryQuery()).isPresent();
        robot.interact(() -> Screenshots.save(window.getScene(), Path.of("target", "screenshots", "shortcuts.png")));

        robot.push(KeyCode.DOWN);
        assertThat(robot.lookup("#leadName").queryLabeled().getText()).isNotEqualTo("Ana");

        robot.push(KeyCode.ESCAPE);
        assertThat(robot.lookup("#shortcutsHelp").tryQuery()).isEmpty();

        robot.push(KeyCode.CONTROL, KeyCode.SLASH);
        assertThat(robot.lookup("#shortcutsHelp").tryQuery()).isPresent();
    }

    private String focusOwnerId() {
        Node owner = window.getScene().getFocusOwner();
        return owner == null ? null : owner.getId();
    }

    private static String openLead(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup("#leadName").queryLabeled().getText();
    }

    private static ListView<Conversation> conversationList(FxRobot robot) {
        return robot.lookup("#conversationList").queryListView();
    }
}
