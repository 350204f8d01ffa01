package dev.funnel.console.copilot;

import static dev.funnel.console.backend.TestData.conversation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.console.backend.Conversation;
import dev.funnel.console.backend.ConversationMode;
import dev.funnel.console.backend.DryRun;
import dev.funnel.console.backend.FakeBackendClient;
import dev.funnel.console.backend.TurnTotals;
import dev.funnel.console.common.CurrentThreadTaskExecutor;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import org.junit.jupiter.api.Test;

class SuggestReplyViewModelTest {

    private final FakeBackendClient backend = new FakeBackendClient();
    private final SimpleObjectProperty<Conversation> open = new SimpleObjectProperty<>();
    private final SimpleStringProperty composer = new SimpleStringProperty("");
    private final SuggestReplyViewModel copilot = new SuggestReplyViewModel(backend, new CurrentThreadTaskExecutor(),
            open, composer);

    @Test
    void theDraftFillsTheComposerAndNothingIsSent() {
        open.set(conversation("c1", "Ana", ConversationMode.HUMAN));
        backend.suggestedReply = draft("We deliver to Lyon in 2 days.");

        copilot.suggest();

        assertThat(composer.get()).isEqualTo("We deliver to Lyon in 2 days.");
        assertThat(backend.calls).containsExactly("suggestReply c1");
        assertThat(copilot.busyProperty().get()).isFalse();
    }

    @Test
    void offeredOnlyWhileAPersonHoldsTheConversation() {
        open.set(conversation("c1", "Ana", ConversationMode.BOT));

        copilot.suggest();

        assertThat(copilot.canSuggestProperty().get()).isFalse();
        assertThat(backend.calls).isEmpty();
        open.set(conversation("c1", "Ana", ConversationMode.HUMAN));
        assertThat(copilot.canSuggestProperty().get()).isTrue();
    }

    @Test
    void aFailureIsShownAndTheComposerKeepsWhatWasTyped() {
        open.set(conversation("c1", "Ana", ConversationMode.HUMAN));
        composer.set("My own words");
        backend.failNext(409, "No language model is configured: set one in Settings (LLM model) first");

        copilot.suggest();

        assertThat(copilot.errorProperty().get()).startsWith("No suggestion:");
        assertThat(composer.get()).isEqualTo("My own words");
    }

    @Test
    void anotherConversationDoesNotShowTheLastOnesFailure() {
        open.set(conversation("c1", "Ana", ConversationMode.HUMAN));
        backend.failNext(502, "The language model failed");
        copilot.suggest();

        open.set(conversation("c2", "Ben", ConversationMode.HUMAN));

        assertThat(copilot.errorProperty().get()).isEmpty();
    }

    @Test
    void aDraftTheGuardrailsRefusedAsksThePersonToWriteIt() {
        open.set(conversation("c1", "Ana", ConversationMode.HUMAN));
        backend.suggestedReply = new DryRun("SEND_NOW", "why", null, List.of(),
                List.of(new DryRun.Intervention("message_refused", "it promised a discount")),
                new TurnTotals(0, 0, 0, null, null), List.of());

        copilot.suggest();

        assertThat(copilot.errorProperty().get()).contains("it promised a discount", "write this reply yourself");
        assertThat(composer.get()).isEmpty();
    }

    private static DryRun draft(String reply) {
        return new DryRun("WAIT_SCHEDULE", "Lead asked for time", reply, List.of(), List.of(),
                new TurnTotals(900, 40, 700, null, null), List.of());
    }
}
