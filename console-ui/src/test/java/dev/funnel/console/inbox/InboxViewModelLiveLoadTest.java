package dev.funnel.console.inbox;

import static dev.funnel.console.backend.TestData.conversation;
import static dev.funnel.console.backend.TestData.message;
import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.console.backend.BackendEvent;
import dev.funnel.console.backend.Conversation;
import dev.funnel.console.backend.ConversationMode;
import dev.funnel.console.backend.FakeBackendClient;
import dev.funnel.console.backend.MessageFrom;
import dev.funnel.console.backend.TestData;
import dev.funnel.console.common.CurrentThreadTaskExecutor;
import dev.funnel.console.common.RecordingNotifier;
import dev.funnel.console.shell.RecordingNavigator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What live events cost the inbox of a large organisation: no refetching, a bounded list. */
class InboxViewModelLiveLoadTest {

    private final FakeBackendClient backend = new FakeBackendClient();
    private InboxViewModel inbox;

    @BeforeEach
    void setUp() {
        backend.conversations.add(conversation("c1", "Ana", ConversationMode.BOT));
        inbox = new InboxViewModel(backend, new CurrentThreadTaskExecutor(), new RecordingNotifier(),
                new RecordingNavigator(), TestData.session());
        backend.listener = inbox;
        inbox.load();
        backend.calls.clear();
    }

    @Test
    void aMessageInAConversationNotListedFetchesNothingAndItsUpdateListsIt() {
        backend.emit(new BackendEvent.MessageCreated(message("m1", "c9", MessageFrom.LEAD, "Hi"), false));

        assertThat(backend.calls).doesNotContain("conversations");

        Conversation newcomer = conversation("c9", "Noah", ConversationMode.BOT);
        backend.emit(new BackendEvent.ConversationUpdated(newcomer));

        assertThat(inbox.conversations()).first().isEqualTo(newcomer);
    }

    @Test
    void theListKeepsTheLatestConversationsOnly() {
        for (int i = 0; i < InboxViewModel.MAX_LISTED + 50; i++) {
            backend.emit(new BackendEvent.ConversationUpdated(conversation("n" + i, "Lead " + i, ConversationMode.BOT)));
        }

        assertThat(inbox.conversations()).hasSize(InboxViewModel.MAX_LISTED);
        assertThat(inbox.conversations().getFirst().id()).isEqualTo("n" + (InboxViewModel.MAX_LISTED + 49));
    }
}
