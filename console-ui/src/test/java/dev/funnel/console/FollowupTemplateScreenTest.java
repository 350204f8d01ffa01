package dev.funnel.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.console.backend.FakeBackendClient;
import dev.funnel.console.backend.FollowupTemplate;
import dev.funnel.console.backend.OrganisationSettingsUpdate;
import dev.funnel.console.backend.TestData;
import dev.funnel.console.common.CurrentThreadTaskExecutor;
import dev.funnel.console.common.MemoryPreferences;
import dev.funnel.console.common.RecordingNotifier;
import dev.funnel.console.settings.FollowupSource;
import dev.funnel.console.settings.FollowupTemplateViewModel;
import dev.funnel.console.setup.ServerConnector;
import dev.funnel.console.shell.Shell;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The settings' follow-up template section in a headless window against the fake backend: a template is
 * chosen, each value gets a source (a fixed text is typed only for a fixed text), the preview follows.
 */
@ExtendWith(ApplicationExtension.class)
class FollowupTemplateScreenTest {

    private final FakeBackendClient backend = new FakeBackendClient();

    @Start
    void start(Stage stage) {
        backend.templates.add(TestData.approvedTemplate("t1"));
        ServerConnector connector = new ServerConnector(Optional.empty(), uri -> backend, Map.of());
        new Shell(stage, new CurrentThreadTaskExecutor(), MemoryPreferences.consolePreferences(), connector,
                new RecordingNotifier()).start();
    }

    @Test
    void anAdminChoosesTheTemplateAndWhereItsValuesComeFrom(FxRobot robot) {
        ConsoleRobot.signIn(robot, "http://team.example:8090", "sam@acme.example", "secret-pw");
        robot.clickOn("#settingsButton");
        ConsoleRobot.waitUntil(robot, () -> robot.lookup("#orgFollowupTemplate").tryQuery().isPresent());
        ComboBox<FollowupTemplateViewModel.Choice> template = robot.lookup("#orgFollowupTemplate").queryComboBox();

        robot.interact(() -> {
            robot.lookup(".settings-scroll").queryAs(ScrollPane.class).setVvalue(1);
            template.getSelectionModel().select(1);
        });
        WaitForAsyncUtils.waitForFxEvents();
        List<Node> rows = robot.lookup("#orgFollowupSourceRows").queryAs(VBox.class).getChildren();
        HBox body2 = (HBox) rows.get(2);
        @SuppressWarnings("unchecked")
        ComboBox<FollowupSource.Kind> body2Kind = (ComboBox<FollowupSource.Kind>) body2.getChildren().get(1);
        TextField body2Text = (TextField) body2.getChildren().get(2);
        assertThat(rows).hasSize(4);
        assertThat(((Label) body2.getChildren().get(0)).getText()).isEqualTo("{{2}}");
        assertThat(body2Text.isDisabled()).as("no text to type for the lead's name").isTrue();

        robot.interact(() -> body2Kind.setValue(FollowupSource.Kind.FIXED_TEXT));
        robot.clickOn(body2Text).write("this Friday");
        robot.clickOn((TextField) ((HBox) rows.get(3)).getChildren().get(2)).write("A-17");
        robot.interact(() -> Screenshots.save(template.getScene(),
                Path.of("target", "screenshots", "settings-followup-template.png")));
        robot.clickOn("#saveOrganisationButton");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup(".preview-body").queryLabeled().getText())
                .isEqualTo("Hi Priya, your order ships this Friday.");
        assertThat(((OrganisationSettingsUpdate) backend.requests.getLast()).followupTemplate()).isEqualTo(
                new FollowupTemplate("t1", List.of("lead_name"), List.of("lead_name", "custom:this Friday"),
                        List.of("custom:A-17"), "there"));
    }
}
