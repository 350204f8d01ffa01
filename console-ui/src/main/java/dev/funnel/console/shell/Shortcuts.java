package dev.funnel.console.shell;

import static javafx.scene.input.KeyCombination.SHIFT_DOWN;
import static javafx.scene.input.KeyCombination.SHORTCUT_DOWN;

import java.util.List;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * Every keyboard shortcut of the console, in the one list both the window's accelerators and the
 * help overlay are made from, so the help cannot tell of a key that does something else.
 * Taking over and releasing are two keys rather than one toggle: pressing Ctrl+T twice must not hand
 * a conversation back to the bot by accident.
 */
public final class Shortcuts {

    /** What the keys do; the Shell decides when each applies (the inbox ones only on the inbox). */
    public interface Actions {
        void focusSearch();

        void openNext();

        void openPrevious();

        void takeOver();

        void release();

        void showHelp();

        /** Closes the help if it is open, otherwise clears the inbox search. */
        void escape();
    }

    private Shortcuts() {
    }

    public static List<Shortcut> of(Actions actions) {
        return List.of(
                new Shortcut(List.of(key(KeyCode.K, SHORTCUT_DOWN)), "Search the inbox", actions::focusSearch),
                new Shortcut(List.of(key(KeyCode.DOWN)), "Open the next conversation", actions::openNext),
                new Shortcut(List.of(key(KeyCode.UP)), "Open the previous conversation", actions::openPrevious),
                new Shortcut(List.of(key(KeyCode.ENTER)), "Send the reply (in the reply field)", null),
                new Shortcut(List.of(key(KeyCode.T, SHORTCUT_DOWN)),
                        "Take over the open conversation (the bot stops replying)", actions::takeOver),
                new Shortcut(List.of(key(KeyCode.T, SHORTCUT_DOWN, SHIFT_DOWN)),
                        "Release the open conversation to the bot", actions::release),
                new Shortcut(List.of(key(KeyCode.ESCAPE)), "Clear the search, or close this help", actions::escape),
                new Shortcut(List.of(key(KeyCode.F1), key(KeyCode.SLASH, SHORTCUT_DOWN)),
                        "Show these shortcuts", actions::showHelp));
    }

    /** Puts each installed shortcut's keys among the scene's accelerators. */
    public static void install(Scene scene, List<Shortcut> shortcuts) {
        for (Shortcut shortcut : shortcuts) {
            if (shortcut.installed()) {
                shortcut.keys().forEach(key -> scene.getAccelerators().put(key, shortcut.action()));
            }
        }
    }

    private static KeyCombination key(KeyCode code, KeyCombination.Modifier... modifiers) {
        return new KeyCodeCombination(code, modifiers);
    }
}
