package dev.funnel.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.console.backend.Conversation;
import dev.funnel.console.backend.ConversationMode;
import dev.funnel.console.backend.FakeBackendClient;
import dev.funnel.console.backend.Message;
import dev.funnel.console.backend.MessageFrom;
import dev.funnel.console.backend.OutgoingTemplateMessage;
import dev.funnel.console.backend.Template;
import dev.funnel.console.backend.TemplateValues;
import dev.funnel.console.backend.TestData;
import dev.funnel.console.common.CurrentThreadTaskExecutor;
import dev.funnel.console.common.MemoryPreferences;
import dev.funnel.console.common.RecordingNotifier;
import dev.funnel.console.setup.ServerConnector;
import dev.funnel.console.shell.Shell;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Templates screen and the composer's template picker in a headless window, against the fake backend. */
@ExtendWith(ApplicationExtension.class)
class TemplatesSmokeTest {

    private final FakeBackendClient backend = new FakeBackendClient();

    @Start
    void start(Stage stage) {
        Conversation ana = TestData.conversation("c1", "Ana", ConversationMode.BOT);
        backend.conversations.add(new Conversation(ana.id(), ana.leadId(), ana.leadName(), ana.leadPhone(), ana.stage(),
                ana.intentLevel(), ana.userSentiment(), ConversationMode.BOT, false, null, false, null,
                "Is the offer still on?", ana.lastMessageAt(), ana.updatedAt(), Instant.now().minus(Duration.ofDays(2))));
        backend.messagesByConversation.put("c1", List.of(new Message("m1", "c1", MessageFrom.LEAD, "text",
                "Is the offer still on?", "received", null, Instant.now().minus(Duration.ofDays(2)), null)));
        backend.templates.add(TestData.approvedTemplate("t1"));
        ServerConnector connector = new ServerConnector(Optional.empty(), uri -> backend, Map.of());
        new Shell(stage, new CurrentThreadTaskExecutor(), MemoryPreferences.consolePreferences(), connector,
                new RecordingNotifier()).start();
    }

    @Test
    void anInvalidTemplateShowsItsProblemsNextToTheFields(FxRobot robot) {
        signIn(robot);
        robot.clickOn("#templatesButton");

        fill(robot, "#templateName", "Spring Offer");
        fill(robot, "#templateBody", "Hi {{1}}");
        robot.clickOn("#submitTemplateButton");

        assertThat(robot.lookup("#nameError").queryLabeled().getText()).contains("lowercase letters");
        assertThat(robot.lookup("#bodyExamplesError").queryLabeled().isVisible()).isTrue();
        assertThat(backend.calls).doesNotContain("createTemplate");
        ListView<Template> list = robot.lookup("#templateList").queryListView();
        assertThat(list.getItems()).extracting(Template::status).containsExactly(Template.APPROVED);
    }

    @Test
    void aClosedWindowOffersApprovedTemplatesInTheComposer(FxRobot robot) {
        signIn(robot);
        Node ana = robot.lookup((Node n) -> n instanceof Label l && l.getStyleClass().contains("conversation-name")
                && "Ana".equals(l.getText())).query();
        robot.clickOn(ana);
        assertThat(robot.lookup("#templatePickerPane").query().isVisible()).isFalse();

        robot.clickOn("#takeoverButton");
        assertThat(robot.lookup("#templatePickerPane").query().isVisible()).isTrue();
        assertThat(robot.lookup("#replyField").query().isDisabled()).isTrue();
        ComboBox<Template> picker = robot.lookup("#pickerTemplate").queryComboBox();
        robot.interact(() -> picker.setValue(picker.getItems().getFirst()));
        List<Node> inputs = List.copyOf(robot.lookup("#pickerValueRows .variable-value").queryAll());
        String[] values = {"A-17", "Ana", "tomorrow", "A-17"};
        robot.interact(() -> {
            for (int i = 0; i < values.length; i++) {
                ((TextField) inputs.get(i)).setText(values[i]);
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> Screenshots.save(robot.lookup("#inboxScreen").query().getScene(),
                Path.of("target", "screenshots", "template-picker.png")));

        robot.clickOn("#pickerSendButton");

        assertThat(backend.requests).contains(new OutgoingTemplateMessage("c1", "t1",
                new TemplateValues(List.of("A-17"), List.of("Ana", "tomorrow"), List.of("A-17"))));
        ListView<Message> chat = robot.lookup("#chatMessages").queryListView();
        assertThat(chat.getItems()).extracting(Message::messageType).contains("template");
    }

    private static void signIn(FxRobot robot) {
        ConsoleRobot.signIn(robot, "http://team.example:8090", "sam@acme.example", "secret-pw");
    }

    private static void fill(FxRobot robot, String query, String text) {
        ConsoleRobot.fill(robot, query, text);
    }
}
