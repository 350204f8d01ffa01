package dev.funnel.console.inbox;

import static dev.funnel.console.backend.TestData.conversation;
import static dev.funnel.console.backend.TestData.message;
import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.console.backend.ConversationMode;
import dev.funnel.console.backend.DryRun;
import dev.funnel.console.backend.FakeBackendClient;
import dev.funnel.console.backend.Message;
import dev.funnel.console.backend.MessageFrom;
import dev.funnel.console.backend.TurnTotals;
import dev.funnel.console.common.CurrentThreadTaskExecutor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The chat's links to the trace and the copilot. */
class ChatViewModelTest {

    private final FakeBackendClient backend = new FakeBackendClient();
    private final ChatViewModel chat = new ChatViewModel(backend, new CurrentThreadTaskExecutor(), c -> { });

    @Test
    void onlyABotReplyWrittenByATurnOffersItsTrace() {
        Message lead = message("m1", "c1", MessageFrom.LEAD, "Hi");
        Message reply = message("m2", "c1", MessageFrom.BOT, "Hello!");
        Message traced = new Message("m2", "c1", MessageFrom.BOT, "text", "Hello!", "sent", null, reply.createdAt(),
                "m1");

        assertThat(chat.trace(lead)).isEmpty();
        assertThat(chat.trace(reply)).isEmpty();
        assertThat(chat.trace(traced)).isPresent();
    }

    @Test
    void aSuggestedReplyLandsInTheReplyBoxUnsent() {
        chat.open(conversation("c1", "Ana", ConversationMode.HUMAN));
        backend.suggestedReply = new DryRun("SEND_NOW", "asked", "Yes, Lyon too.", List.of(), List.of(),
                new TurnTotals(0, 0, 0, null, null), List.of());

        chat.suggestReply().suggest();

        assertThat(chat.replyProperty().get()).isEqualTo("Yes, Lyon too.");
        assertThat(backend.calls).doesNotContain("sendMessage");
    }
}
