package dev.funnel.console.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Popup;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The attention popup really opens over the console window (ControlsFX on the class path, headless). */
@ExtendWith(ApplicationExtension.class)
class ControlsFxNotifierTest {

    private Stage stage;

    @Start
    void start(Stage primary) {
        stage = primary;
        stage.setScene(new Scene(new StackPane(new Label("console")), 1240, 800));
        stage.show();
    }

    @Test
    void attentionPopupShowsTitleAndReasonWithoutCoveringTheChat(FxRobot robot) {
        String longReason = "No language model is configured, so the bot did not answer: "
                + "reply yourself or set a model in Settings";
        robot.interact(() -> new ControlsFxNotifier(stage).attentionRequired("Ana needs a person", longReason, () -> { }));
        WaitForAsyncUtils.waitForFxEvents();

        Popup popup = (Popup) Window.getWindows().stream()
                .filter(window -> window instanceof Popup && window.isShowing()).findFirst().orElseThrow();
        assertThat(robot.lookup(longReason).tryQuery()).isPresent();
        // the conversation list's side (left third) of the console's usual 1240 px window
        assertThat(popup.getX() + popup.getWidth()).isLessThan(stage.getX() + stage.getWidth() * 0.4);
    }

    @Test
    void clickingThePopupRunsItsAction(FxRobot robot) {
        AtomicBoolean opened = new AtomicBoolean();
        robot.interact(() -> new ControlsFxNotifier(stage).attentionRequired("Ben needs a person", "Asked for a call",
                () -> opened.set(true)));
        WaitForAsyncUtils.waitForFxEvents();

        robot.clickOn("Asked for a call");

        assertThat(opened).isTrue();
    }

    @Test
    void whileTheConsoleIsMinimisedThePopupStillShowsAndItsClickBringsTheConsoleBack(FxRobot robot) {
        AtomicBoolean opened = new AtomicBoolean();
        robot.interact(() -> stage.setIconified(true));
        robot.interact(() -> new ControlsFxNotifier(stage).attentionRequired("Cleo needs a person", "Wants a quote",
                () -> opened.set(true)));
        WaitForAsyncUtils.waitForFxEvents();

        Popup popup = (Popup) Window.getWindows().stream()
                .filter(window -> window instanceof Popup && window.isShowing()).findFirst().orElseThrow();
        assertThat(popup.getOwnerWindow()).isNotSameAs(stage);
        assertThat(popup.getOwnerWindow().isShowing()).isTrue();
        robot.clickOn("Wants a quote");

        assertThat(opened).isTrue();
        assertThat(stage.isIconified()).isFalse();
    }

    @Test
    void aMachineWithoutSoundLosesOnlyTheChime(FxRobot robot) {
        ControlsFxNotifier notifier = new ControlsFxNotifier(stage);

        robot.interact(() -> {
            notifier.chime();
            notifier.chime();
        });
    }
}
