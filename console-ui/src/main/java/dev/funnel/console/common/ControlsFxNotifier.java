package dev.funnel.console.common;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

/**
 * Notifications as ControlsFX popups in the bottom-left corner, over the conversation list: the
 * reply box and the takeover button (right side) stay clickable while one is showing.
 */
public final class ControlsFxNotifier implements Notifier {

    /** Reasons from the backend are whole sentences; unwrapped they made a popup wider than the chat. */
    private static final double TEXT_WIDTH = 320;

    private final Window owner;

    public ControlsFxNotifier(Window owner) {
        this.owner = owner;
    }

    @Override
    public void attentionRequired(String title, String text, Runnable open) {
        Label message = new Label(text);
        message.setWrapText(true);
        message.setPrefWidth(TEXT_WIDTH);
        message.getStyleClass().add("notification-message");
        Notifications.create()
                .owner(owner)
                .title(title)
                .graphic(message)
                .position(Pos.BOTTOM_LEFT)
                .hideAfter(Duration.seconds(10))
                .onAction(event -> open.run())
                .show();
    }
}
