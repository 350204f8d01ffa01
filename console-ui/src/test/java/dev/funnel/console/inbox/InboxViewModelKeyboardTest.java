package dev.funnel.console.inbox;

import static dev.funnel.console.backend.TestData.conversation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.console.backend.Conversation;
import dev.funnel.console.backend.ConversationMode;
import dev.funnel.console.backend.FakeBackendClient;
import dev.funnel.console.backend.TestData;
import dev.funnel.console.common.CurrentThreadTaskExecutor;
import dev.funnel.console.common.RecordingNotifier;
import dev.funnel.console.shell.RecordingNavigator;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the inbox's keys do: search, moving through the shown conversations, take over and release. */
class InboxViewModelKeyboardTest {

    private final FakeBackendClient backend = new FakeBackendClient();
    private final Conversation ana = conversation("c1", "Ana", ConversationMode.BOT);
    private final Conversation ben = conversation("c2", "Ben", ConversationMode.BOT);
    private final Conversation cleo = conversation("c3", "Cleo", ConversationMode.HUMAN);
    private InboxViewModel inbox;

    @BeforeEach
    void setUp() {
        backend.conversations.addAll(List.of(ana, ben, cleo));
        inbox = new InboxViewModel(backend, new CurrentThreadTaskExecutor(), new RecordingNotifier(),
                new RecordingNavigator(), TestData.session());
        inbox.load();
    }

    @Test
    void searchShowsOnlyConversationsWhoseNamePhoneOrLastMessageMatch() {
        inbox.searchTextProperty().set("  BE ");
        assertThat(inbox.shownConversations()).containsExactly(ben);

        inbox.searchTextProperty().set("hello from cleo");
        assertThat(inbox.shownConversations()).containsExactly(cleo);

        inbox.searchTextProperty().set(ana.leadPhone());
        assertThat(inbox.shownConversations()).contains(ana);
    }

    @Test
    void clearingTheSearchShowsEveryConversationAgain() {
        inbox.searchTextProperty().set("ben");

        inbox.clearSearch();

        assertThat(inbox.searchTextProperty().get()).isEmpty();
        assertThat(inbox.shownConversations()).containsExactly(ana, ben, cleo);
    }

    @Test
    void anEmptyListSaysWhetherTheSearchFoundNothing() {
        assertThat(inbox.emptyListTextProperty().get()).startsWith("No conversations yet");

        inbox.searchTextProperty().set("zed");

        assertThat(inbox.emptyListTextProperty().get()).isEqualTo("No conversation matches \u201czed\u201d.");
    }

    @Test
    void nextWithNothingOpenOpensTheFirstConversation() {
        inbox.openNext();

        assertThat(openId()).isEqualTo("c1");
    }

    @Test
    void nextAndPreviousMoveOneConversationAtATime() {
        inbox.open(ana);

        inbox.openNext();
        assertThat(openId()).isEqualTo("c2");
        inbox.openNext();
        assertThat(openId()).isEqualTo("c3");
        inbox.openPrevious();
        assertThat(openId()).isEqualTo("c2");
    }

    @Test
    void movingStopsAtTheEndsInsteadOfWrapping() {
        inbox.open(cleo);
        inbox.openNext();
        assertThat(openId()).isEqualTo("c3");

        inbox.open(ana);
        inbox.openPrevious();
        assertThat(openId()).isEqualTo("c1");
    }

    @Test
    void movingFollowsTheSearchedList() {
        inbox.open(ana);
        inbox.searchTextProperty().set("cleo"); // Ana, the open one, is not shown

        inbox.openNext();

        assertThat(openId()).isEqualTo("c3");
    }

    @Test
    void movingThroughAnEmptyListOpensNothing() {
        inbox.searchTextProperty().set("zed");

        inbox.openNext();

        assertThat(inbox.chat().conversationProperty().get()).isNull();
    }

    @Test
    void takeOverTakesTheOpenBotConversation() {
        inbox.open(ben);

        inbox.takeOverOpenConversation();

        assertThat(backend.calls).contains("takeover c2");
    }

    @Test
    void takeOverDoesNothingWhenAPersonAlreadyHasTheConversation() {
        inbox.open(cleo);

        inbox.takeOverOpenConversation();

        assertThat(backend.calls).noneMatch(call -> call.startsWith("takeover") || call.startsWith("release"));
    }

    @Test
    void takeOverDoesNothingWithNoConversationOpen() {
        inbox.takeOverOpenConversation();
        inbox.releaseOpenConversation();

        assertThat(backend.calls).noneMatch(call -> call.startsWith("takeover") || call.startsWith("release"));
    }

    @Test
    void releaseHandsTheOpenHumanConversationBackToTheBot() {
        inbox.open(cleo);

        inbox.releaseOpenConversation();

        assertThat(backend.calls).contains("release c3");
    }

    @Test
    void releaseDoesNothingWhenTheBotHasTheConversation() {
        inbox.open(ben);

        inbox.releaseOpenConversation();

        assertThat(backend.calls).noneMatch(call -> call.startsWith("release"));
    }

    private String openId() {
        return inbox.chat().conversationProperty().get().id();
    }
}
