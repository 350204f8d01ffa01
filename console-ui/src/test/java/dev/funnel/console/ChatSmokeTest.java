package dev.funnel.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.console.backend.Conversation;
import dev.funnel.console.backend.ConversationMode;
import dev.funnel.console.backend.FakeBackendClient;
import dev.funnel.console.backend.Message;
import dev.funnel.console.backend.MessageFrom;
import dev.funnel.console.backend.TestData;
import dev.funnel.console.common.CurrentThreadTaskExecutor;
import dev.funnel.console.common.MemoryPreferences;
import dev.funnel.console.common.RecordingNotifier;
import dev.funnel.console.setup.ServerConnector;
import dev.funnel.console.shell.Shell;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The chat's unread badge, thumbnail, document chip, reply quote and reaction in a headless window. */
@ExtendWith(ApplicationExtension.class)
class ChatSmokeTest {

    private final FakeBackendClient backend = new FakeBackendClient();

    @Start
    void start(Stage stage) {
        Conversation ana = TestData.conversation("c1", "Ana", ConversationMode.BOT);
        Conversation ben = TestData.conversation("c2", "Ben", ConversationMode.BOT);
        backend.conversations.add(ana);
        backend.conversations.add(new Conversation(ben.id(), ben.leadId(), ben.leadName(), ben.leadPhone(), ben.stage(),
                ben.intentLevel(), ben.userSentiment(), ben.mode(), false, null, false, null, "Hello?",
                ben.lastMessageAt(), ben.updatedAt(), ben.lastUserMessageAt(), 3));
        backend.messagesByConversation.put("c1", List.of(
                message("m1", MessageFrom.BOT, "text", "It is 40 EUR.", null, null, null, null, "👍"),
                message("m2", MessageFrom.LEAD, "image", "[image]", null, "media-2", "image/png", null, null),
                message("m3", MessageFrom.LEAD, "document", "[document: quote.pdf]", null, "media-3",
                        "application/pdf", "quote.pdf", null),
                message("m4", MessageFrom.LEAD, "text", "Too much for me", "wamid.m1", null, null, null, null),
                new Message("m5", "c1", MessageFrom.LEAD, "contacts", "[contact: Ana Ruiz]", "received", null,
                        TestData.NOW, null, "wamid.m5", null, null, null, null, null, null, null, null,
                        "Ana Ruiz · +34 600 000 000"),
                new Message("m6", "c1", MessageFrom.LEAD, "location", "📍 Tour Eiffel", "received", null,
                        TestData.NOW, null, "wamid.m6", null, null, null, null, null, null, null,
                        "https://www.openstreetmap.org/?mlat=48.85&mlon=2.29", null)));
        backend.mediaByMessage.put("m2", png());
        ServerConnector connector = new ServerConnector(Optional.empty(), uri -> backend, Map.of());
        new Shell(stage, new CurrentThreadTaskExecutor(), MemoryPreferences.consolePreferences(), connector,
                new RecordingNotifier()).start();
    }

    @Test
    void theChatShowsMediaQuotesAndReactionsAndTheListItsUnreadCount(FxRobot robot) {
        ConsoleRobot.signIn(robot, "http://team.example:8090", "sam@acme.example", "secret-pw");
        assertThat(label(robot, "unread-badge").getText()).isEqualTo("3");

        robot.clickOn(robot.lookup((Node n) -> n instanceof Label l && l.getStyleClass().contains("conversation-name")
                && "Ana".equals(l.getText())).<Node>query());
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> Screenshots.save(robot.lookup("#inboxScreen").query().getScene(),
                Path.of("target", "screenshots", "chat.png")));

        ImageView thumbnail = robot.lookup(".media-thumbnail").query();
        assertThat(thumbnail.getImage()).isNotNull();
        assertThat(thumbnail.getImage().isError()).isFalse();
        assertThat(robot.lookup("📄 quote.pdf · application/pdf").tryQuery()).isPresent();
        assertThat(label(robot, "reaction-badge").getText()).isEqualTo("👍");
        Label quote = label(robot, "bubble-quote");
        assertThat(quote.getText()).isEqualTo("Bot: It is 40 EUR.");
        ListView<Message> chat = robot.lookup("#chatMessages").queryListView();
        robot.interact(() -> chat.scrollTo(chat.getItems().size() - 1));
        assertThat(robot.lookup("👤 Ana Ruiz · +34 600 000 000").tryQuery()).isPresent();
        assertThat(robot.lookup("Open the map").tryQuery()).isPresent();
        robot.interact(() -> chat.scrollTo(0));

        robot.clickOn(label(robot, "bubble-quote"));

        assertThat(chat.getSelectionModel().getSelectedItem().id()).isEqualTo("m1");
    }

    /** A label shown on screen: it and every parent visible (the list keeps spare cells it has hidden). */
    private static Label label(FxRobot robot, String styleClass) {
        return robot.lookup((Node n) -> n instanceof Label l && l.getStyleClass().contains(styleClass) && shown(l))
                .query();
    }

    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static Message message(String id, MessageFrom from, String type, String content, String replyTo,
                                   String mediaId, String mime, String filename, String reaction) {
        return new Message(id, "c1", from, type, content, from == MessageFrom.LEAD ? "received" : "read", null,
                TestData.NOW, null, "wamid." + id, replyTo, mediaId, mime, filename, null, null, reaction, null, null);
    }

    /** An 80×60 teal picture, as a lead's photo would come from the media route. */
    private static byte[] png() {
        BufferedImage image = new BufferedImage(80, 60, BufferedImage.TYPE_INT_RGB);
        var graphics = image.createGraphics();
        graphics.setColor(new Color(0x0f766e));
        graphics.fillRect(0, 0, 80, 60);
        graphics.dispose();
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
