package dev.funnel.console.inbox;

import static dev.funnel.console.backend.TestData.conversation;
import static dev.funnel.console.backend.TestData.message;
import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.console.backend.BackendEvent;
import dev.funnel.console.backend.ConnectionState;
import dev.funnel.console.backend.Conversation;
import dev.funnel.console.backend.ConversationMode;
import dev.funnel.console.backend.FakeBackendClient;
import dev.funnel.console.backend.LlmSettings;
import dev.funnel.console.backend.Message;
import dev.funnel.console.backend.MessageFrom;
import dev.funnel.console.backend.RejectedWebhook;
import dev.funnel.console.backend.RejectedWebhooks;
import dev.funnel.console.backend.TestData;
import dev.funnel.console.common.CurrentThreadTaskExecutor;
import dev.funnel.console.common.RecordingNotifier;
import dev.funnel.console.shell.RecordingNavigator;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InboxViewModelTest {

    private final FakeBackendClient backend = new FakeBackendClient();
    private final RecordingNotifier notifier = new RecordingNotifier();
    private final RecordingNavigator navigator = new RecordingNavigator();
    private final Conversation ana = conversation("c1", "Ana", ConversationMode.BOT);
    private final Conversation ben = conversation("c2", "Ben", ConversationMode.BOT);
    private InboxViewModel inbox;

    @BeforeEach
    void setUp() {
        backend.conversations.addAll(List.of(ana, ben));
        backend.messagesByConversation.put("c2", List.of(message("m1", "c2", MessageFrom.LEAD, "Hi")));
        inbox = new InboxViewModel(backend, new CurrentThreadTaskExecutor(), notifier, navigator, TestData.session());
        backend.listener = inbox;
        inbox.load();
    }

    @Test
    void loadListsConversationsNewestFirst() {
        assertThat(inbox.conversations()).containsExactly(ana, ben);
    }

    @Test
    void missingLanguageModelShowsTheBanner() {
        assertThat(inbox.languageModelMissingProperty().get()).isTrue();

        backend.llm = new LlmSettings(true, "https://api.openai.com/v1", "gpt-4o-mini", true, "organisation");
        inbox.checkLanguageModel();

        assertThat(inbox.languageModelMissingProperty().get()).isFalse();
    }

    @Test
    void openingAConversationLoadsItsMessages() {
        inbox.open(ben);

        assertThat(inbox.chat().messages()).extracting(Message::content).containsExactly("Hi");
        assertThat(inbox.chat().titleProperty().get()).isEqualTo("Ben");
    }

    @Test
    void messageCreatedForTheOpenConversationIsAppended() {
        inbox.open(ben);

        backend.emit(new BackendEvent.MessageCreated(message("m2", "c2", MessageFrom.BOT, "Hello Ben!"), false));

        assertThat(inbox.chat().messages()).extracting(Message::content).containsExactly("Hi", "Hello Ben!");
    }

    @Test
    void messageCreatedForAnotherConversationLeavesTheOpenChatAloneAndMovesThatOneUp() {
        inbox.open(ana);

        backend.emit(new BackendEvent.MessageCreated(message("m9", "c2", MessageFrom.LEAD, "Still there?"), false));

        assertThat(inbox.chat().messages()).isEmpty();
        assertThat(inbox.conversations().getFirst().id()).isEqualTo("c2");
        assertThat(inbox.conversations().getFirst().lastMessage()).isEqualTo("Still there?");
    }

    @Test
    void deliveryStatusUpdateReplacesTheMessageInsteadOfDuplicatingIt() {
        inbox.open(ben);
        Message sent = message("m2", "c2", MessageFrom.BOT, "Hello Ben!");
        backend.emit(new BackendEvent.MessageCreated(sent, false));

        backend.emit(new BackendEvent.MessageCreated(new Message("m2", "c2", MessageFrom.BOT, "text", "Hello Ben!",
                "read", null, sent.createdAt(), null), false));

        assertThat(inbox.chat().messages()).extracting(Message::status).containsExactly(null, "read");
    }

    @Test
    void conversationUpdatedMovesItToTheTop() {
        Conversation benQualified = new Conversation("c2", "lead-c2", "Ben", ben.leadPhone(), "qualified", "high",
                "positive", ConversationMode.BOT, false, null, false, null, "Deal", TestData.NOW, TestData.NOW,
                TestData.LEAD_WROTE);

        backend.emit(new BackendEvent.ConversationUpdated(benQualified));

        assertThat(inbox.conversations()).containsExactly(benQualified, ana);
    }

    @Test
    void conversationUpdatedForANewLeadInsertsItAtTheTop() {
        Conversation cleo = conversation("c3", "Cleo", ConversationMode.BOT);

        backend.emit(new BackendEvent.ConversationUpdated(cleo));

        assertThat(inbox.conversations()).containsExactly(cleo, ana, ben);
    }

    @Test
    void updateOfTheOpenConversationRefreshesTheHeader() {
        inbox.open(ben);
        Conversation renamed = new Conversation("c2", "lead-c2", "Benjamin", ben.leadPhone(), "qualified", "high",
                "positive", ConversationMode.BOT, false, null, false, null, null, TestData.NOW, TestData.NOW,
                TestData.LEAD_WROTE);

        backend.emit(new BackendEvent.ConversationUpdated(renamed));

        assertThat(inbox.chat().titleProperty().get()).isEqualTo("Benjamin");
        assertThat(inbox.chat().detailsProperty().get()).contains("stage: qualified", "intent: high");
    }

    @Test
    void sendingIsOnlyPossibleAfterTakingOver() {
        inbox.open(ben);
        inbox.chat().replyProperty().set("I can help with that");
        assertThat(inbox.chat().canSendProperty().get()).isFalse();

        inbox.chat().toggleTakeover();

        assertThat(backend.calls).contains("takeover c2");
        assertThat(inbox.chat().humanModeProperty().get()).isTrue();
        assertThat(inbox.chat().canSendProperty().get()).isTrue();
        assertThat(inbox.chat().takeoverLabelProperty().get()).isEqualTo("Release to bot");
        assertThat(inbox.conversations().getFirst().mode()).isEqualTo(ConversationMode.HUMAN);
    }

    @Test
    void releasingHandsBackToTheBotAndDisablesSending() {
        inbox.open(ben);
        inbox.chat().toggleTakeover();
        inbox.chat().replyProperty().set("Bye");

        inbox.chat().toggleTakeover();

        assertThat(backend.calls).contains("release c2");
        assertThat(inbox.chat().canSendProperty().get()).isFalse();
        assertThat(inbox.chat().takeoverLabelProperty().get()).isEqualTo("Take over");
    }

    @Test
    void takeoverByAnotherConsoleEnablesSendingHereToo() {
        inbox.open(ben);
        inbox.chat().replyProperty().set("Hello");

        backend.emit(new BackendEvent.TakeoverStarted(conversation("c2", "Ben", ConversationMode.HUMAN)));

        assertThat(inbox.chat().canSendProperty().get()).isTrue();
    }

    @Test
    void sentReplyAppearsOnceAndClearsTheBox() {
        inbox.open(ben);
        inbox.chat().toggleTakeover();
        inbox.chat().replyProperty().set("  We deliver on Mondays  ");

        inbox.chat().send();
        Message echoed = inbox.chat().messages().getLast();
        backend.emit(new BackendEvent.MessageCreated(echoed, false));

        assertThat(inbox.chat().messages()).extracting(Message::content).containsExactly("Hi", "We deliver on Mondays");
        assertThat(inbox.chat().replyProperty().get()).isEmpty();
    }

    @Test
    void refusedReplyShowsTheBackendsMessageAndKeepsTheText() {
        inbox.open(ben);
        inbox.chat().toggleTakeover();
        inbox.chat().replyProperty().set("Hello");
        backend.failNext(409, "The bot is handling this conversation: take it over first");

        inbox.chat().send();

        assertThat(inbox.chat().errorProperty().get()).isEqualTo("The bot is handling this conversation: take it over first");
        assertThat(inbox.chat().replyProperty().get()).isEqualTo("Hello");
    }

    @Test
    void attentionRequiredPopsANotificationAndFlagsTheConversation() {
        backend.emit(new BackendEvent.HumanAttentionRequired("c2", "Lead asked for a discount"));

        assertThat(notifier.shown).containsExactly(
                new RecordingNotifier.Shown("Ben needs a person", "Lead asked for a discount"));
        assertThat(inbox.conversations().getFirst().needsAttention()).isTrue();
    }

    @Test
    void clickingTheAttentionNotificationOpensThatConversation() {
        backend.emit(new BackendEvent.HumanAttentionRequired("c2", "Lead asked for a discount"));

        notifier.clickLast();

        assertThat(inbox.chat().titleProperty().get()).isEqualTo("Ben");
        assertThat(inbox.chat().messages()).extracting(Message::content).containsExactly("Hi");
    }

    @Test
    void reconnectingFetchesTheListAgainBecauseEventsWereMissed() {
        backend.connection(ConnectionState.CONNECTED);
        backend.calls.clear();
        backend.connection(ConnectionState.RECONNECTING);
        assertThat(inbox.connectionTextProperty().get()).isEqualTo("Connection lost — reconnecting…");

        backend.connection(ConnectionState.CONNECTED);

        assertThat(backend.calls).containsExactly("conversations", "rejectedWebhooks");
        assertThat(inbox.connectionTextProperty().get()).isEqualTo("Live");
    }

    @Test
    void firstConnectionDoesNotFetchTwice() {
        backend.calls.clear();

        backend.connection(ConnectionState.CONNECTED);

        assertThat(backend.calls).isEmpty();
    }

    @Test
    void noRejectedWebhooksMeansNoWarning() {
        assertThat(backend.calls).contains("rejectedWebhooks");
        assertThat(inbox.rejectedWebhooksSummaryProperty().get()).isEmpty();
        assertThat(inbox.rejectedWebhookLines()).isEmpty();
        assertThat(inbox.unattributedWebhooksProperty().get()).isEmpty();
    }

    @Test
    void rejectedWebhooksAreCountedAndListedWithReasonAndDeliveries() {
        backend.rejectedWebhooks = new RejectedWebhooks(List.of(
                rejected("Failed after 5 attempts", 6),
                rejected("Unreadable webhook: not JSON", 1)), 3);

        inbox.refreshRejectedWebhooks();

        assertThat(inbox.rejectedWebhooksSummaryProperty().get()).isEqualTo("⚠ 5 webhooks could not be processed");
        assertThat(inbox.rejectedWebhookLines()).satisfiesExactly(
                line -> assertThat(line).endsWith(" · Failed after 5 attempts · received 6 times"),
                line -> assertThat(line).endsWith(" · Unreadable webhook: not JSON · received once"));
        assertThat(inbox.unattributedWebhooksProperty().get())
                .isEqualTo("3 more could not be tied to any organisation; see the server log.");
    }

    @Test
    void unattributedWebhooksAloneStillShowTheWarning() {
        backend.rejectedWebhooks = new RejectedWebhooks(List.of(), 1);

        inbox.refreshRejectedWebhooks();

        assertThat(inbox.rejectedWebhooksSummaryProperty().get()).isEqualTo("⚠ 1 webhook could not be processed");
        assertThat(inbox.rejectedWebhookLines()).isEmpty();
        assertThat(inbox.unattributedWebhooksProperty().get())
                .isEqualTo("1 webhook could not be tied to any organisation; see the server log.");
    }

    @Test
    void rejectedWebhooksAreFetchedAgainAfterAReconnect() {
        backend.connection(ConnectionState.CONNECTED);
        backend.connection(ConnectionState.RECONNECTING);
        backend.rejectedWebhooks = new RejectedWebhooks(List.of(rejected("Failed after 5 attempts", 6)), 0);

        backend.connection(ConnectionState.CONNECTED);

        assertThat(inbox.rejectedWebhooksSummaryProperty().get()).isEqualTo("⚠ 1 webhook could not be processed");
    }

    @Test
    void aFailedRejectedWebhooksCheckKeepsTheWarningAndLeavesTheInboxWithoutError() {
        backend.rejectedWebhooks = new RejectedWebhooks(List.of(), 2);
        inbox.refreshRejectedWebhooks();
        backend.failNext(404, "Not found");

        inbox.refreshRejectedWebhooks();

        assertThat(inbox.rejectedWebhooksSummaryProperty().get()).isEqualTo("⚠ 2 webhooks could not be processed");
        assertThat(inbox.errorProperty().get()).isEmpty();
    }

    @Test
    void failedLoadIsShown() {
        backend.failNext(500, "Database unavailable");

        inbox.refreshConversations();

        assertThat(inbox.errorProperty().get()).isEqualTo("Database unavailable");
    }

    private static RejectedWebhook rejected(String reason, int receiveCount) {
        return new RejectedWebhook("r-" + reason.hashCode(), reason, receiveCount, 1544,
                Instant.parse("2026-11-22T06:30:00Z"));
    }
}
