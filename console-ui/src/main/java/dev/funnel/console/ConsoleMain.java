package dev.funnel.console;

import javafx.application.Application;

/**
 * Entry point for {@code java -jar}: a main class that extends {@link Application} would make the
 * JDK insist on JavaFX being on the module path, so this one only delegates.
 */
public final class ConsoleMain {

    private ConsoleMain() {
    }

    public static void main(String[] args) {
        Application.launch(ConsoleApp.class, args);
    }
}
