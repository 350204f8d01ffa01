package dev.funnel.console.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.console.Screenshots;
import dev.funnel.console.backend.FakeBackendClient;
import dev.funnel.console.common.CurrentThreadTaskExecutor;
import java.nio.file.Path;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The real trace window (Monocle) on the fake backend: it loads, replays, and is photographed for the docs. */
@ExtendWith(ApplicationExtension.class)
class TraceViewTest {

    private final FakeBackendClient backend = new FakeBackendClient();
    private Stage window;

    @Start
    void start(Stage stage) {
        backend.turns.put("t1", TraceFixtures.turn());
        backend.replay = TraceFixtures.replay();
        window = TraceView.open(new TraceViewModel(backend, new CurrentThreadTaskExecutor(), "c1", "t1"), null);
    }

    @Test
    void replayPutsTheReplyNowNextToTheReplyThen(FxRobot robot) {
        robot.clickOn("#replayButton");

        assertThat(robot.lookup("#replyNow").queryAs(Labeled.class).getText())
                .isEqualTo("Yes, we deliver to Lyon in 2 days.");
        assertThat(robot.lookup("#replyThen").queryAs(Labeled.class).getText()).isEqualTo("Yes we do!");
        robot.interact(() -> Screenshots.save(window.getScene(), Path.of("target", "screenshots", "trace.png")));
    }

    @Test
    void theSourcesSectionListsTheSnippetsTheTurnWasGiven(FxRobot robot) {
        ListView<SourceLine> sources = robot.lookup("#traceSources").queryListView();

        assertThat(sources.getItems()).extracting(SourceLine::title).containsExactly(
                "shipping.md  \u00b7  chunk 2  \u00b7  score 0.83", "prices.pdf  \u00b7  chunk 0  \u00b7  score 0.70");
    }
}
