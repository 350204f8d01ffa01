package dev.funnel.console;

import javafx.application.Application;

/**
 * Entry point for {@code java -jar}: a main class that extends {@link Application} would make the
 * JDK insist on JavaFX being on the module path, so this one only delegates. It first lets the app
 * start the built-in server for a returning person who uses "This computer", so that the server
 * starts while JavaFX and the window do ({@link ConsoleApp#startEarly()}).
 */
public final class ConsoleMain {

    private ConsoleMain() {
    }

    public static void main(String[] args) {
        ConsoleApp.startEarly();
        Application.launch(ConsoleApp.class, args);
    }
}
