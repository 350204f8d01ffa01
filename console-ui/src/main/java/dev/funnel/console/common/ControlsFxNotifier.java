package dev.funnel.console.common;

import java.io.IOException;
import java.util.logging.Logger;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.Clip;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.UnsupportedAudioFileException;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

/**
 * Notifications as ControlsFX popups in the bottom-left corner, over the conversation list: the
 * reply box and the takeover button (right side) stay clickable while one is showing. While the
 * console is minimised a popup owned by it would not show, so it goes in the screen's bottom-left
 * corner instead, over a one-pixel transparent stand-in window; clicking it brings the console back.
 */
public final class ControlsFxNotifier implements Notifier {

    private static final Logger LOG = Logger.getLogger(ControlsFxNotifier.class.getName());
    /** Reasons from the backend are whole sentences; unwrapped they made a popup wider than the chat. */
    private static final double TEXT_WIDTH = 320;
    /** A 0.35 s two-note chime made for Funnel: an A5 then an E6 sine with a quick decay, 22.05 kHz mono. */
    private static final String CHIME = "attention.wav";

    private final Stage owner;
    private Stage standIn;
    private Clip chime;
    private boolean chimeUnavailable;

    public ControlsFxNotifier(Stage owner) {
        this.owner = owner;
        owner.iconifiedProperty().subscribe(iconified -> {
            if (!iconified && standIn != null) {
                standIn.hide();
            }
        });
    }

    @Override
    public void attentionRequired(String title, String text, Runnable open) {
        Label message = new Label(text);
        message.setWrapText(true);
        message.setPrefWidth(TEXT_WIDTH);
        message.getStyleClass().add("notification-message");
        Notifications.create()
                .owner(shownOver())
                .title(title)
                .graphic(message)
                .position(Pos.BOTTOM_LEFT)
                .hideAfter(Duration.seconds(10))
                .onAction(event -> {
                    owner.setIconified(false);
                    owner.toFront();
                    open.run();
                })
                .show();
    }

    /**
     * Never fails the alert: a machine without sound output only loses the chime, said once in the log.
     * javax.sound rather than JavaFX's AudioClip: AudioClip fails on a thread of its own when there is no
     * audio device, where the console cannot catch it; a Clip fails here, synchronously.
     */
    @Override
    public void chime() {
        if (chimeUnavailable) {
            return;
        }
        try {
            if (chime == null) {
                Clip clip = AudioSystem.getClip();
                clip.open(AudioSystem.getAudioInputStream(ControlsFxNotifier.class.getResource(CHIME)));
                chime = clip;
            }
            chime.stop();
            chime.setFramePosition(0);
            chime.start();
        } catch (LineUnavailableException | UnsupportedAudioFileException | IOException | IllegalArgumentException
                 | SecurityException e) {
            chimeUnavailable = true;
            LOG.info("No sound on this machine, so alerts come without the chime: " + e);
        }
    }

    /** The console window; while it is minimised, the stand-in in the screen's bottom-left corner. */
    Window shownOver() {
        if (!owner.isIconified()) {
            return owner;
        }
        if (standIn == null) {
            standIn = new Stage(StageStyle.TRANSPARENT);
            Region nothing = new Region();
            nothing.setMouseTransparent(true);
            Scene scene = new Scene(nothing, 1, 1);
            scene.setFill(Color.TRANSPARENT);
            standIn.setScene(scene);
            standIn.setTitle(owner.getTitle());
        }
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        standIn.setX(screen.getMinX());
        standIn.setY(screen.getMaxY() - 1);
        standIn.show();
        return standIn;
    }
}
