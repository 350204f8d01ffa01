package dev.funnel.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.backend.pipeline.PipelineStep;
import dev.funnel.backend.pipeline.PromptVariables;
import dev.funnel.console.backend.FakeBackendClient;
import dev.funnel.console.backend.Prompt;
import dev.funnel.console.backend.PromptStep;
import dev.funnel.console.common.CurrentThreadTaskExecutor;
import dev.funnel.console.common.MemoryPreferences;
import dev.funnel.console.common.RecordingNotifier;
import dev.funnel.console.setup.ServerConnector;
import dev.funnel.console.shell.Shell;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.chart.XYChart;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The dashboard and prompts screens in the real window against the fake backend: they open from the
 * inbox, show what the ViewModels hold, and leave screenshots in target/screenshots.
 */
@ExtendWith(ApplicationExtension.class)
class DashboardAndPromptsScreensTest {

    private final FakeBackendClient backend = new FakeBackendClient();

    @Start
    void start(Stage stage) {
        Prompt generate = backend.prompts.get(PromptStep.GENERATE);
        backend.prompts.put(PromptStep.GENERATE, new Prompt("generate", shippedPrompt("generate"), false,
                generate.version(), null, PromptVariables.allowedFor(PipelineStep.GENERATE).stream()
                .map(v -> new Prompt.Variable(v.name(), v.description())).toList()));
        ServerConnector connector = new ServerConnector(Optional.empty(), uri -> backend, Map.of());
        new Shell(stage, new CurrentThreadTaskExecutor(), MemoryPreferences.consolePreferences(), connector,
                new RecordingNotifier()).start();
    }

    @Test
    void dashboardShowsTodaysFiguresAndTheCharts(FxRobot robot) {
        signIn(robot);

        robot.clickOn("#dashboardButton");
        WaitForAsyncUtils.waitForFxEvents();

        Node tiles = robot.lookup("#dashboardTiles").query();
        assertThat(((javafx.scene.layout.Pane) tiles).getChildren()).hasSize(6);
        XYChart<?, ?> funnel = robot.lookup("#funnelChart").query();
        assertThat(funnel.getData()).hasSize(1);
        assertThat(funnel.isVisible()).isTrue();
        assertThat(robot.lookup("#analyticsEmpty").query().isVisible()).isFalse();
        robot.interact(() -> Screenshots.save(robot.lookup("#dashboardScreen").query().getScene(),
                Path.of("target", "screenshots", "dashboard.png")));

        robot.clickOn("#dashboardBackButton");
        assertThat(robot.lookup("#conversationList").tryQuery()).isPresent();
    }

    @Test
    void promptsEditorWarnsBeforeLeavingUnsavedChanges(FxRobot robot) {
        signIn(robot);

        robot.clickOn("#promptsButton");
        robot.clickOn("#promptStepGenerate");
        robot.interact(() -> robot.lookup("#promptText").queryTextInputControl().appendText("\nAlways add {{budget}}."));
        robot.clickOn("#promptStepSummarize");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#unsavedBar").query().isVisible()).isTrue();
        assertThat(robot.lookup("#promptTextProblem").queryLabeled().getText()).contains("{{budget}}");
        robot.interact(() -> Screenshots.save(robot.lookup("#promptsScreen").query().getScene(),
                Path.of("target", "screenshots", "prompts.png")));

        robot.clickOn("#discardChangesButton");
        assertThat(robot.lookup("#promptText").queryTextInputControl().getText())
                .isEqualTo(backend.prompts.get(PromptStep.SUMMARIZE).text());
    }

    private static String shippedPrompt(String step) {
        try (InputStream in = PipelineStep.class.getClassLoader().getResourceAsStream("prompts/" + step + ".md")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void signIn(FxRobot robot) {
        fill(robot, "#serverUrl", "http://team.example:8090");
        robot.clickOn("#connectButton");
        fill(robot, "#email", "sam@acme.example");
        fill(robot, "#password", "secret-pw");
        robot.clickOn("#loginButton");
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void fill(FxRobot robot, String query, String text) {
        robot.interact(() -> robot.lookup(query).queryTextInputControl().setText(text));
    }
}
