package dev.funnel.console;

import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * Entry point for {@code java -jar}. It makes the app before starting JavaFX (rather than through
 * {@code Application.launch}, which starts the toolkit first), so that for a returning person who
 * uses "This computer" the built-in server starts while the toolkit and the window do. The app is
 * stopped, and its server with it, when its window closes.
 */
public final class ConsoleMain {

    private ConsoleMain() {
    }

    public static void main(String[] args) {
        ConsoleApp app = new ConsoleApp();
        Platform.startup(() -> {
            Stage stage = new Stage();
            stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, closed -> app.stop());
            app.start(stage);
        });
    }
}
