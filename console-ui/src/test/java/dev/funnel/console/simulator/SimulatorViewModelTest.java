package dev.funnel.console.simulator;

import static dev.funnel.console.backend.TestData.message;
import static dev.funnel.console.backend.TestData.simulatedConversation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.console.backend.BackendEvent;
import dev.funnel.console.backend.FakeBackendClient;
import dev.funnel.console.backend.Message;
import dev.funnel.console.backend.MessageFrom;
import dev.funnel.console.backend.SimulatedInbound;
import dev.funnel.console.common.CurrentThreadTaskExecutor;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SimulatorViewModelTest {

    private final FakeBackendClient backend = new FakeBackendClient();
    private SimulatorViewModel simulator;

    @BeforeEach
    void setUp() {
        simulator = new SimulatorViewModel(backend, new CurrentThreadTaskExecutor());
        backend.listener = simulator;
    }

    @Test
    void sendsTheLeadsMessageWithADigitsOnlyPhone() {
        simulator.phoneProperty().set("+1 555-000 1111");
        simulator.nameProperty().set("Maya");
        simulator.textProperty().set("How much is the solar kit?");

        simulator.send();

        assertThat(backend.requests).containsExactly(
                new SimulatedInbound("15550001111", "Maya", "How much is the solar kit?"));
        assertThat(simulator.textProperty().get()).isEmpty();
        assertThat(simulator.statusProperty().get()).startsWith("Sent as +15550001111");
    }

    @Test
    void sendIsDisabledWithoutTextOrWithAnImplausiblePhone() {
        assertThat(simulator.canSendProperty().get()).isFalse();
        simulator.textProperty().set("Hi");
        assertThat(simulator.canSendProperty().get()).isTrue();

        simulator.phoneProperty().set("12");

        assertThat(simulator.canSendProperty().get()).isFalse();
        assertThat(simulator.phoneProblemProperty().get()).contains("international format");
    }

    @Test
    void theBotsReplyToTheSimulatedLeadAppearsInThePanel() {
        Message leadMessage = message("m1", "c1", MessageFrom.LEAD, "Hi");
        backend.messagesByConversation.put("c1", List.of(leadMessage));

        backend.emit(new BackendEvent.ConversationUpdated(simulatedConversation("c1", SimulatorViewModel.DEFAULT_PHONE)));
        backend.emit(new BackendEvent.MessageCreated(leadMessage, true));
        backend.emit(new BackendEvent.MessageCreated(message("m2", "c1", MessageFrom.BOT, "Hello! How can I help?"), true));

        assertThat(simulator.chat()).extracting(Message::content).containsExactly("Hi", "Hello! How can I help?");
    }

    @Test
    void messagesOfOtherSimulatedLeadsStayOut() {
        backend.emit(new BackendEvent.ConversationUpdated(simulatedConversation("c1", SimulatorViewModel.DEFAULT_PHONE)));
        backend.emit(new BackendEvent.ConversationUpdated(simulatedConversation("c2", "15559998888")));

        backend.emit(new BackendEvent.MessageCreated(message("m5", "c2", MessageFrom.BOT, "Not for you"), true));

        assertThat(simulator.chat()).isEmpty();
    }

    @Test
    void aMessageOfAnUnknownConversationIsMatchedByAskingTheBackend() {
        backend.conversations.add(simulatedConversation("c7", SimulatorViewModel.DEFAULT_PHONE));
        Message reply = message("m3", "c7", MessageFrom.BOT, "Welcome!");
        backend.messagesByConversation.put("c7", List.of(reply));

        backend.emit(new BackendEvent.MessageCreated(reply, true));

        assertThat(backend.calls).containsSubsequence("conversations", "messages c7");
        assertThat(simulator.chat()).extracting(Message::content).containsExactly("Welcome!");
    }

    @Test
    void changingThePhoneShowsThatLeadsChatInstead() {
        backend.messagesByConversation.put("c2", List.of(message("m8", "c2", MessageFrom.LEAD, "Other lead")));
        backend.emit(new BackendEvent.ConversationUpdated(simulatedConversation("c1", SimulatorViewModel.DEFAULT_PHONE)));
        backend.emit(new BackendEvent.ConversationUpdated(simulatedConversation("c2", "15559998888")));
        backend.emit(new BackendEvent.MessageCreated(message("m1", "c1", MessageFrom.LEAD, "First lead"), true));

        simulator.phoneProperty().set("15559998888");

        assertThat(simulator.chat()).extracting(Message::content).containsExactly("Other lead");
    }

    @Test
    void realLeadsAreIgnored() {
        backend.emit(new BackendEvent.MessageCreated(message("m1", "c9", MessageFrom.LEAD, "Real"), false));

        assertThat(backend.calls).isEmpty();
        assertThat(simulator.chat()).isEmpty();
    }

    @Test
    void rejectedSimulationShowsTheReason() {
        simulator.textProperty().set("Hi");
        backend.failNext(403, "Simulation is only available to admins");

        simulator.send();

        assertThat(simulator.errorProperty().get()).isEqualTo("Simulation is only available to admins");
        assertThat(simulator.textProperty().get()).isEqualTo("Hi");
    }
}
