package dev.funnel.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.console.backend.Conversation;
import dev.funnel.console.backend.Message;
import dev.funnel.console.simulator.SimulatorViewModel;
import javafx.scene.Node;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/** The live inbox in the real window against a real backend (no language model, so a new lead is flagged for a person). */
class ConsoleJourneyIT extends ConsoleJourney {

    private static final String LEAD_PHONE = SimulatorViewModel.DEFAULT_PHONE;

    @Test
    void operatorSeesASimulatedLeadTakesOverAndReplies() {
        signIn();

        robot.clickOn("#simulateButton");
        fill("#simText", "Hi, do you install solar panels in Lyon?");
        robot.clickOn("#simSendButton");
        // arrives over the real WebSocket: conversation_updated / message_created
        waitUntil(() -> conversationList().getItems().stream().anyMatch(c -> LEAD_PHONE.equals(c.leadPhone())));

        robot.clickOn(cellOfLead(LEAD_PHONE));
        waitUntil(() -> chatMessages().getItems().stream()
                .anyMatch(m -> "Hi, do you install solar panels in Lyon?".equals(m.content())));
        robot.clickOn("#takeoverButton");
        waitUntil(() -> "Release to bot".equals(robot.lookup("#takeoverButton").queryButton().getText()));

        robot.clickOn("#replyField").write("Yes we do! When would a visit suit you?").type(KeyCode.ENTER);

        waitUntil(() -> chatMessages().getItems().stream()
                .anyMatch(m -> "Yes we do! When would a visit suit you?".equals(m.content())));
        assertThat(robot.lookup("#replyField").queryTextInputControl().getText()).isEmpty();
        assertThat(robot.lookup("#connectionStatus").queryLabeled().getText()).isEqualTo("Live");

        // the lead side panel: the lead's state, and its details saved through the real PATCH /leads/{id}
        assertThat(robot.lookup("#leadPanelStage").queryLabeled().getText()).isNotEmpty();
        fill("#leadPanelName", "Camille Durand");
        fill("#leadPanelCompany", "Durand Boulangerie");
        robot.clickOn("#saveLeadPanelButton");
        waitUntil(() -> "Saved.".equals(robot.lookup("#leadPanelStatus").queryLabeled().getText()));
        robot.clickOn("#simulateButton");
        screenshot("#inboxScreen", "inbox.png");
    }

    private ListView<Conversation> conversationList() {
        return robot.lookup("#conversationList").queryListView();
    }

    private ListView<Message> chatMessages() {
        return robot.lookup("#chatMessages").queryListView();
    }

    private Node cellOfLead(String phone) {
        return robot.lookup((Node node) -> node instanceof ListCell<?> cell
                && cell.getItem() instanceof Conversation c && phone.equals(c.leadPhone())).query();
    }
}
