package dev.funnel.console.shell;

import java.util.List;
import java.util.stream.Collectors;
import javafx.scene.input.KeyCombination;

/**
 * One keyboard shortcut: its keys, what it does in a sales rep's words, and the action the window
 * runs for it. A null action marks a key the focused field handles itself (Enter sends the reply):
 * listed in the help, not installed as an accelerator.
 */
public record Shortcut(List<KeyCombination> keys, String description, Runnable action) {

    public Shortcut {
        keys = List.copyOf(keys);
    }

    public boolean installed() {
        return action != null;
    }

    /** "F1 or Ctrl+/", as the help shows it. */
    public String keysText() {
        return keys.stream().map(KeyCombination::getDisplayText).collect(Collectors.joining(" or "));
    }
}
