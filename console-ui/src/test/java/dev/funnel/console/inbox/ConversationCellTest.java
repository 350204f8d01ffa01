package dev.funnel.console.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.console.backend.Conversation;
import dev.funnel.console.backend.ConversationMode;
import dev.funnel.console.backend.TestData;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The conversation list's rows, styled by the console's own stylesheets, in a headless window. */
@ExtendWith(ApplicationExtension.class)
class ConversationCellTest {

    private static final Conversation EVERY_LINE = new Conversation("c1", "lead-c1", "Ana Lima", "15550001",
            "qualifying", "high", "neutral", ConversationMode.HUMAN, true, "Asked for a discount", true, null,
            "Can you do it for less if I order three?", TestData.NOW, TestData.NOW, TestData.NOW, 120);
    private static final Conversation NAMELESS = new Conversation("c2", "lead-c2", null, "15550002",
            "new", "low", "neutral", ConversationMode.BOT, false, null, false, null,
            "Hi", TestData.NOW, TestData.NOW, TestData.NOW, 0);

    private static final PseudoClass UNREAD = PseudoClass.getPseudoClass("unread");
    private static final PseudoClass HUMAN = PseudoClass.getPseudoClass("human");

    private ListView<Conversation> list;

    @Start
    void start(Stage stage) {
        list = new ListView<>(FXCollections.observableArrayList(EVERY_LINE, NAMELESS));
        list.getStyleClass().add("conversation-list");
        list.setSkin(new ConversationListSkin(list));
        list.setCellFactory(view -> new ConversationCell());
        Scene scene = new Scene(list, 320, 400);
        scene.getStylesheets().addAll(
                ConversationCell.class.getResource("/dev/funnel/console/common/theme.css").toExternalForm(),
                ConversationCell.class.getResource("inbox.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void rowsHaveOneFixedHeightThatFitsARowWithEveryLineAndBadge(FxRobot robot) {
        assertThat(list.getFixedCellSize()).as("the list never measures its rows").isPositive();
        for (ConversationCell cell : cells(robot)) {
            Region content = (Region) cell.getGraphic();
            double needed = cell.snappedTopInset() + content.prefHeight(content.getWidth())
                    + cell.snappedBottomInset();
            assertThat(needed).as("height the row's lines need").isLessThanOrEqualTo(list.getFixedCellSize());
            assertThat(cell.getHeight()).isEqualTo(list.getFixedCellSize());
        }
    }

    @Test
    void aNamelessLeadSaysSoWhereANamedOneShowsItsPhone(FxRobot robot) {
        assertThat(texts(cell(robot, EVERY_LINE))).contains("Ana Lima", "15550001");
        assertThat(texts(cell(robot, NAMELESS))).contains("15550002", ConversationCell.NAMELESS);
    }

    @Test
    void theModeBadgeAndTheUnreadTimeAreStatesOfTheirOwnLabels(FxRobot robot) {
        assertStatesShown(robot);
    }

    @Test
    void rowsThatTakeTheOtherConversationShowItsStates(FxRobot robot) {
        robot.interact(() -> list.getItems().setAll(NAMELESS, EVERY_LINE));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(cells(robot)).filteredOn(cell -> cell.getIndex() == 0).extracting(ConversationCell::getItem)
                .containsExactly(NAMELESS);
        assertStatesShown(robot);
    }

    private void assertStatesShown(FxRobot robot) {
        Label human = badge(cell(robot, EVERY_LINE), "HUMAN");
        Label bot = badge(cell(robot, NAMELESS), "BOT");
        assertThat(human.getPseudoClassStates()).contains(HUMAN);
        assertThat(bot.getPseudoClassStates()).doesNotContain(HUMAN);
        assertThat(cell(robot, EVERY_LINE).getStyleClass()).containsExactly("conversation-cell");
        assertThat(labels(cell(robot, EVERY_LINE))).extracting(Label::getText).as("the unread count shows")
                .contains("99+");
        assertThat(time(cell(robot, EVERY_LINE)).getPseudoClassStates()).contains(UNREAD);
        assertThat(time(cell(robot, NAMELESS)).getPseudoClassStates()).doesNotContain(UNREAD);
    }

    private static Label time(ConversationCell cell) {
        return (Label) cell.getGraphic().lookup(".conversation-time");
    }

    private static List<ConversationCell> cells(FxRobot robot) {
        return robot.lookup(".conversation-cell").queryAllAs(ConversationCell.class).stream()
                .filter(cell -> cell.getItem() != null).toList();
    }

    private static ConversationCell cell(FxRobot robot, Conversation conversation) {
        return cells(robot).stream().filter(cell -> cell.getItem().equals(conversation)).findFirst().orElseThrow();
    }

    private static Label badge(ConversationCell cell, String text) {
        return labels(cell).stream().filter(label -> label.getText().equals(text)).findFirst().orElseThrow();
    }

    private static List<Label> labels(ConversationCell cell) {
        return ((Region) cell.getGraphic()).lookupAll(".label").stream()
                .filter(Label.class::isInstance).map(Label.class::cast).filter(Node::isVisible).toList();
    }

    private static List<String> texts(ConversationCell cell) {
        return labels(cell).stream().map(Label::getText).toList();
    }
}
