package dev.funnel.console;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The steps every UI test repeats: filling a field, signing in, waiting for the screen to catch up. */
public final class ConsoleRobot {

    private static final long PATIENCE_SECONDS = 20;

    private ConsoleRobot() {
    }

    /** Sets a field's text at once: typing key by key is slow and only the reply field needs to prove it. */
    public static void fill(FxRobot robot, String query, String text) {
        robot.interact(() -> robot.lookup(query).queryTextInputControl().setText(text));
    }

    /** From the server choice to the inbox, as a person does it. */
    public static void signIn(FxRobot robot, String serverUrl, String email, String password) {
        robot.clickOn("#remoteChoice");
        fill(robot, "#serverUrl", serverUrl);
        robot.clickOn("#connectButton");
        waitUntil(robot, () -> robot.lookup("#loginButton").tryQuery().isPresent());
        fill(robot, "#email", email);
        fill(robot, "#password", password);
        robot.clickOn("#loginButton");
        waitUntil(robot, () -> robot.lookup("#conversationList").tryQuery().isPresent());
    }

    /** On timeout, says what the screen showed: the error labels usually name the cause. */
    public static void waitUntil(FxRobot robot, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("Timed out; visible messages: " + visibleMessages(robot), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String visibleMessages(FxRobot robot) {
        return robot.lookup((Node node) -> node instanceof Labeled label && label.isVisible()
                        && (label.getStyleClass().contains("error-text") || label.getStyleClass().contains("hint-text"))
                        && label.getText() != null && !label.getText().isBlank())
                .queryAllAs(Labeled.class).stream()
                .map(label -> (label.getId() == null ? "" : "#" + label.getId() + ": ") + label.getText())
                .toList().toString();
    }
}
