package dev.funnel.console.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The help overlay and the window's accelerators come from one list and say the same. */
@ExtendWith(ApplicationExtension.class)
class ShortcutsTest {

    private final List<String> ran = new ArrayList<>();
    private final List<Shortcut> shortcuts = Shortcuts.of(new RecordingActions());

    @Start
    void start(Stage stage) {
    }

    @Test
    void theHelpListsExactlyTheInstalledKeysPlusTheReplyFieldsEnter() {
        Scene scene = new Scene(new Group()); // scenes and controls may be built off the FX thread
        Shortcuts.install(scene, shortcuts);
        ShortcutsHelp help = new ShortcutsHelp(shortcuts);

        List<String> helpKeys = help.rows().stream()
                .flatMap(row -> Stream.of(row.getFirst().split(" or "))).toList();
        List<String> installedKeys = scene.getAccelerators().keySet().stream()
                .map(KeyCombination::getDisplayText).toList();
        String enter = new KeyCodeCombination(KeyCode.ENTER).getDisplayText();

        assertThat(helpKeys).containsExactlyInAnyOrderElementsOf(
                Stream.concat(installedKeys.stream(), Stream.of(enter)).toList());
        assertThat(help.rows()).extracting(row -> row.get(1))
                .containsExactlyElementsOf(shortcuts.stream().map(Shortcut::description).toList());
    }

    @Test
    void eachInstalledKeyRunsItsShortcutsAction() {
        Scene scene = new Scene(new Group());
        Shortcuts.install(scene, shortcuts);

        scene.getAccelerators().get(new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN)).run();
        scene.getAccelerators().get(new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN)).run();
        scene.getAccelerators().get(new KeyCodeCombination(KeyCode.SLASH, KeyCombination.SHORTCUT_DOWN)).run();

        assertThat(ran).containsExactly("takeOver", "release", "showHelp");
        assertThat(scene.getAccelerators()).doesNotContainKey(new KeyCodeCombination(KeyCode.ENTER));
    }

    private final class RecordingActions implements Shortcuts.Actions {
        @Override public void focusSearch() { ran.add("focusSearch"); }
        @Override public void openNext() { ran.add("openNext"); }
        @Override public void openPrevious() { ran.add("openPrevious"); }
        @Override public void takeOver() { ran.add("takeOver"); }
        @Override public void release() { ran.add("release"); }
        @Override public void showHelp() { ran.add("showHelp"); }
        @Override public void escape() { ran.add("escape"); }
    }
}
