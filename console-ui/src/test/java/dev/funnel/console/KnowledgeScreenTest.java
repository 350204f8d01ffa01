package dev.funnel.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.console.backend.BackendEvent;
import dev.funnel.console.backend.FakeBackendClient;
import dev.funnel.console.backend.KnowledgeDocument;
import dev.funnel.console.backend.TestData;
import dev.funnel.console.common.LiveEvents;
import dev.funnel.console.common.CurrentThreadTaskExecutor;
import dev.funnel.console.common.MemoryPreferences;
import dev.funnel.console.common.RecordingNotifier;
import dev.funnel.console.setup.ServerConnector;
import dev.funnel.console.shell.Shell;
import java.util.Map;
import java.util.Optional;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The knowledge screen in a headless window against the fake backend: it opens from the inbox and follows live events. */
@ExtendWith(ApplicationExtension.class)
class KnowledgeScreenTest {

    private final FakeBackendClient backend = new FakeBackendClient();

    @Start
    void start(Stage stage) {
        backend.knowledgeDocuments.add(new KnowledgeDocument("d1", "prices.pdf", "application/pdf", 48_000, "ready",
                12, 3, null, TestData.NOW, TestData.NOW));
        ServerConnector connector = new ServerConnector(Optional.empty(), uri -> backend, Map.of());
        new Shell(stage, new CurrentThreadTaskExecutor(), MemoryPreferences.consolePreferences(), connector,
                new RecordingNotifier()).start();
    }

    @Test
    void theTableFollowsLiveEventsWhileTheScreenIsShown(FxRobot robot) {
        signIn(robot);
        robot.clickOn("#knowledgeButton");
        TableView<KnowledgeDocument> table = robot.lookup("#documentsTable").queryTableView();

        robot.interact(() -> backend.emit(new BackendEvent.KnowledgeDocumentUpdated(new KnowledgeDocument("d2",
                "faq.md", "text/markdown", 2150, "indexing", 0, null, null, TestData.NOW, null))));
        LiveEvents.handedOver();

        assertThat(table.getItems()).extracting(KnowledgeDocument::name).containsExactly("faq.md", "prices.pdf");
        assertThat(robot.lookup("#knowledgeStatusLine").queryLabeled().getText())
                .contains("all-minilm-l6-v2-q (offline)", "portable store");
        assertThat(robot.lookup("#addDocumentsButton").queryAs(Button.class).isDisabled()).isFalse();

        robot.clickOn("#knowledgeBackToInbox");
        robot.interact(() -> backend.emit(new BackendEvent.KnowledgeDocumentDeleted("d2")));
        LiveEvents.handedOver();

        assertThat(table.getItems()).as("a screen no longer shown hears no more events").hasSize(2);
    }

    @Test
    void anAgentCannotAddDeleteOrReindex(FxRobot robot) {
        backend.session = TestData.agentSession();
        signIn(robot);
        robot.clickOn("#knowledgeButton");
        robot.interact(() -> robot.lookup("#documentsTable").queryTableView().getSelectionModel().select(0));

        assertThat(robot.lookup("#addDocumentsButton").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#deleteDocumentButton").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#reindexButton").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#knowledgeReadOnlyNote").queryLabeled().isVisible()).isTrue();
    }

    private static void signIn(FxRobot robot) {
        ConsoleRobot.signIn(robot, "http://team.example:8090", "sam@acme.example", "secret-pw");
    }
}
