package dev.funnel.console;

import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * Entry point for {@code java -jar}. It makes the app before starting JavaFX (rather than through
 * {@code Application.launch}, which starts the toolkit first), so that for a returning person who
 * uses "This computer" the built-in server starts while the toolkit and the window do. When the
 * window closes the app stops, and its server with it, and the JVM ends.
 */
public final class ConsoleMain {

    private ConsoleMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        ConsoleApp app = new ConsoleApp();
        CountDownLatch closed = new CountDownLatch(1);
        Platform.startup(() -> {
            Stage stage = new Stage();
            stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, hidden -> {
                app.stop();
                closed.countDown();
            });
            app.start(stage);
        });
        closed.await();
        Platform.exit();
        System.exit(0);
    }
}
