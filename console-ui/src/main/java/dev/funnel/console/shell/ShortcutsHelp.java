package dev.funnel.console.shell;

import java.util.List;
import java.util.stream.Gatherers;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The help overlay (F1): a card listing the shortcuts, one row each, laid over the screen. */
public final class ShortcutsHelp {

    private final StackPane overlay = new StackPane();
    private final GridPane rows = new GridPane();

    public ShortcutsHelp(List<Shortcut> shortcuts) {
        rows.setId("shortcutRows");
        rows.setHgap(16);
        rows.setVgap(10);
        for (int row = 0; row < shortcuts.size(); row++) {
            Shortcut shortcut = shortcuts.get(row);
            Label keys = new Label(shortcut.keysText());
            keys.getStyleClass().add("shortcut-keys");
            rows.addRow(row, keys, new Label(shortcut.description()));
        }
        Label title = new Label("Keyboard shortcuts");
        title.getStyleClass().add("panel-title");
        Label hint = new Label("Press Esc to close.");
        hint.getStyleClass().add("hint-text");
        VBox card = new VBox(16, title, rows, hint);
        card.getStyleClass().add("card");
        card.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        overlay.setId("shortcutsHelp");
        overlay.getStyleClass().add("shortcuts-help");
        overlay.setAlignment(Pos.CENTER);
        overlay.getChildren().add(card);
    }

    public StackPane node() {
        return overlay;
    }

    /** Each row's keys and description as shown, e.g. ["Ctrl+K", "Search the inbox"]. */
    public List<List<String>> rows() {
        return rows.getChildren().stream().map(Label.class::cast).map(Label::getText)
                .gather(Gatherers.windowFixed(2)).toList();
    }
}
