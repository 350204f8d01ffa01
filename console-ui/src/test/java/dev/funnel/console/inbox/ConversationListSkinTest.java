package dev.funnel.console.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.console.backend.Conversation;
import dev.funnel.console.backend.ConversationMode;
import dev.funnel.console.backend.TestData;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.scene.Scene;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.skin.ListViewSkin;
import javafx.scene.layout.HBox;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The conversation list's skin: rows shifted by live messages show their new conversations without being
 * styled again as a whole. A row's text counts how often CSS looks at it (each styling of a node asks
 * for its {@code CssMetaData}); JavaFX's own skin, side by side, shows what the count would be.
 */
@ExtendWith(ApplicationExtension.class)
class ConversationListSkinTest {

    private static final int SHIFTS = 10;

    private final AtomicInteger stylings = new AtomicInteger();
    private ListView<Conversation> ours;
    private ListView<Conversation> javafxs;

    @Start
    void start(Stage stage) {
        ours = list();
        ours.setSkin(new ConversationListSkin(ours));
        javafxs = list();
        javafxs.setSkin(new ListViewSkin<>(javafxs));
        stage.setScene(new Scene(new HBox(ours, javafxs), 640, 400));
        stage.show();
    }

    @Test
    void shiftedRowsShowTheirNewConversationsWithoutBeingStyledAgain(FxRobot robot) {
        int ourStylings = stylingsWhileShifting(robot, ours);
        int theirStylings = stylingsWhileShifting(robot, javafxs);

        assertThat(theirStylings).as("JavaFX's skin styles every shifted row again").isGreaterThan(SHIFTS);
        assertThat(ourStylings).as("rows styled again by our skin").isZero();
        for (ListView<Conversation> list : List.of(ours, javafxs)) {
            List<String> shown = robot.from(list).lookup(".probe").queryAllAs(Text.class).stream()
                    .filter(text -> text.getScene() != null && text.getParent().isVisible())
                    .map(Text::getText).sorted().toList();
            List<String> expected = list.getItems().subList(0, shown.size()).stream()
                    .map(Conversation::displayName).sorted().toList();
            assertThat(shown).as("each row shows the conversation now at its place").isEqualTo(expected);
        }
    }

    /**
     * As live messages do: the conversation furthest down moves to the top, one pulse after another; counted
     * once the list has settled (its first shifts still style a few rows new to the screen).
     */
    private int stylingsWhileShifting(FxRobot robot, ListView<Conversation> list) {
        shift(robot, list);
        stylings.set(0);
        shift(robot, list);
        return stylings.get();
    }

    private static void shift(FxRobot robot, ListView<Conversation> list) {
        for (int i = 0; i < SHIFTS; i++) {
            robot.interact(() -> list.getItems().addFirst(list.getItems().removeLast()));
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    private ListView<Conversation> list() {
        ObservableList<Conversation> conversations = FXCollections.observableArrayList(IntStream.range(0, 30)
                .mapToObj(i -> TestData.conversation("c" + i, "Lead " + i, ConversationMode.BOT)).toList());
        ListView<Conversation> list = new ListView<>(conversations);
        list.setFixedCellSize(60);
        list.setCellFactory(view -> new ProbeCell());
        return list;
    }

    private final class ProbeCell extends ListCell<Conversation> {

        private final Text name = new Text() {
            @Override
            public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
                stylings.incrementAndGet();
                return super.getCssMetaData();
            }
        };

        ProbeCell() {
            name.getStyleClass().add("probe");
        }

        @Override
        protected void updateItem(Conversation conversation, boolean empty) {
            super.updateItem(conversation, empty);
            name.setText(empty || conversation == null ? null : conversation.displayName());
            setGraphic(empty || conversation == null ? null : name);
        }
    }
}
