package dev.funnel.console.inbox;

import static dev.funnel.console.backend.TestData.conversation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.console.backend.BackendEvent;
import dev.funnel.console.backend.Conversation;
import dev.funnel.console.backend.ConversationMode;
import dev.funnel.console.backend.FakeBackendClient;
import dev.funnel.console.backend.TestData;
import dev.funnel.console.common.CurrentThreadTaskExecutor;
import dev.funnel.console.common.RecordingNotifier;
import dev.funnel.console.shell.RecordingNavigator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The inbox's unread badges (opening a chat reads it for the team, new lead messages count up live)
 * and its alerts: a notification, the chime when sound is on, and the count in the window title.
 */
class InboxUnreadAndAlertsTest {

    private final FakeBackendClient backend = new FakeBackendClient();
    private final RecordingNotifier notifier = new RecordingNotifier();
    private final Conversation ana = unread(conversation("c1", "Ana", ConversationMode.BOT), 2);
    private final Conversation ben = conversation("c2", "Ben", ConversationMode.BOT);
    private InboxViewModel inbox;

    private void load(Conversation... conversations) {
        backend.conversations.addAll(List.of(conversations));
        inbox = new InboxViewModel(backend, new CurrentThreadTaskExecutor(), notifier, new RecordingNavigator(),
                TestData.session());
        backend.listener = inbox;
        inbox.load();
    }

    // --- unread

    @Test
    void openingAChatMarksItReadForTheTeamAndLeavesItInPlace() {
        load(ben, ana);

        inbox.open(ana);

        assertThat(backend.calls).contains("markRead c1");
        assertThat(inbox.conversations()).extracting(Conversation::id).containsExactly("c2", "c1");
        assertThat(inbox.conversations().get(1).unreadCount()).isZero();
    }

    @Test
    void openingAChatWithNothingUnreadAsksNothing() {
        load(ana, ben);

        inbox.open(ben);

        assertThat(backend.calls).noneMatch(call -> call.startsWith("markRead"));
    }

    @Test
    void aNewLeadMessageCountsUpLiveAndMovesTheConversationUp() {
        load(ana, ben);

        backend.emit(new BackendEvent.ConversationUpdated(unread(ben.withLastMessage("Hello?", TestData.NOW), 1)));

        assertThat(inbox.conversations().getFirst().id()).isEqualTo("c2");
        assertThat(inbox.conversations().getFirst().unreadCount()).isEqualTo(1);
    }

    @Test
    void anotherConsoleReadingAChatClearsTheBadgeWithoutMovingIt() {
        load(ben, ana);

        backend.emit(new BackendEvent.ConversationUpdated(ana.read()));

        assertThat(inbox.conversations()).containsExactly(ben, ana.read());
    }

    @Test
    void aLeadMessageInTheOpenChatIsReadAtOnce() {
        load(ana, ben);
        inbox.open(ben);

        backend.emit(new BackendEvent.ConversationUpdated(unread(ben.withLastMessage("Hello?", TestData.NOW), 1)));

        assertThat(backend.calls).contains("markRead c2");
        assertThat(inbox.conversations().getFirst().id()).isEqualTo("c2");
        assertThat(inbox.conversations().getFirst().unreadCount()).isZero();
    }

    // --- alerts

    @Test
    void aConversationComingToNeedAPersonNotifiesAndChimesWhenSoundIsOn() {
        load(ana, ben);
        inbox.soundOnProperty().set(true);

        backend.emit(new BackendEvent.HumanAttentionRequired("c2", "Asked for a call"));

        assertThat(notifier.shown).containsExactly(new RecordingNotifier.Shown("Ben needs a person", "Asked for a call"));
        assertThat(notifier.chimes).isEqualTo(1);
    }

    @Test
    void withSoundOffTheNotificationComesSilently() {
        load(ana, ben);

        backend.emit(new BackendEvent.HumanAttentionRequired("c2", "Asked for a call"));

        assertThat(notifier.shown).hasSize(1);
        assertThat(notifier.chimes).isZero();
    }

    @Test
    void theSameFlagSaidAgainIsNotToldTwice() {
        load(ana, ben);
        inbox.soundOnProperty().set(true);

        backend.emit(new BackendEvent.HumanAttentionRequired("c2", "Asked for a call"));
        backend.emit(new BackendEvent.ConversationUpdated(ben.withAttention("Asked for a call")));
        backend.emit(new BackendEvent.HumanAttentionRequired("c2", "The reply could not be sent"));

        assertThat(notifier.shown).hasSize(1);
        assertThat(notifier.chimes).isEqualTo(1);
    }

    @Test
    void onceAPersonClearedTheFlagTheNextOneIsToldAgain() {
        load(ana, ben);
        backend.emit(new BackendEvent.HumanAttentionRequired("c2", "Asked for a call"));

        backend.emit(new BackendEvent.ConversationUpdated(ben));
        backend.emit(new BackendEvent.HumanAttentionRequired("c2", "Asked for a discount"));

        assertThat(notifier.shown).extracting(RecordingNotifier.Shown::text)
                .containsExactly("Asked for a call", "Asked for a discount");
    }

    @Test
    void conversationsAlreadyFlaggedWhenTheInboxLoadsAreNotAlerted() {
        load(ana, ben.withAttention("Asked for a call"));

        backend.emit(new BackendEvent.HumanAttentionRequired("c2", "Asked for a call"));

        assertThat(notifier.shown).isEmpty();
    }

    @Test
    void theWindowTitleCountsTheConversationsNeedingAPerson() {
        load(ana, ben);
        String calm = inbox.windowTitleProperty().get();

        backend.emit(new BackendEvent.HumanAttentionRequired("c1", "Asked for a call"));
        backend.emit(new BackendEvent.HumanAttentionRequired("c2", "Asked for a discount"));
        String busy = inbox.windowTitleProperty().get();
        backend.emit(new BackendEvent.ConversationUpdated(ben));

        assertThat(calm).isEqualTo("Funnel — Acme Solar");
        assertThat(busy).isEqualTo("(2) Funnel — Acme Solar");
        assertThat(inbox.attentionCountProperty().get()).isEqualTo(1);
    }

    private static Conversation unread(Conversation c, int count) {
        return new Conversation(c.id(), c.leadId(), c.leadName(), c.leadPhone(), c.stage(), c.intentLevel(),
                c.userSentiment(), c.mode(), c.needsAttention(), c.attentionReason(), c.simulated(), c.rollingSummary(),
                c.lastMessage(), c.lastMessageAt(), c.updatedAt(), c.lastUserMessageAt(), count);
    }
}
