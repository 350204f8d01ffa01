package dev.funnel.console.leadpanel;

import static dev.funnel.console.backend.TestData.conversation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.console.backend.BackendEvent;
import dev.funnel.console.backend.Conversation;
import dev.funnel.console.backend.ConversationMode;
import dev.funnel.console.backend.FakeBackendClient;
import dev.funnel.console.backend.Followup;
import dev.funnel.console.backend.Lead;
import dev.funnel.console.backend.LeadChanges;
import dev.funnel.console.backend.TestData;
import dev.funnel.console.common.CurrentThreadTaskExecutor;
import dev.funnel.console.common.RecordingNotifier;
import dev.funnel.console.common.Times;
import dev.funnel.console.inbox.InboxViewModel;
import dev.funnel.console.shell.RecordingNavigator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LeadPanelViewModelTest {

    private static final Instant TOMORROW = Instant.parse("2026-11-04T09:00:00Z");

    private final FakeBackendClient backend = new FakeBackendClient();
    private final Conversation ana = withSummary(conversation("c1", "Ana", ConversationMode.BOT),
            "Ana runs a bakery and asked about solar panels for her roof.");
    private final Conversation ben = conversation("c2", "Ben", ConversationMode.BOT);
    private InboxViewModel inbox;
    private LeadPanelViewModel panel;

    @BeforeEach
    void setUp() {
        backend.conversations.addAll(List.of(ana, ben));
        backend.leads.add(lead("lead-c1", "Ana", "ana@bakery.example", "Ana's Bakery"));
        backend.leads.add(lead("lead-c2", "Ben", null, null));
        inbox = new InboxViewModel(backend, new CurrentThreadTaskExecutor(), new RecordingNotifier(),
                new RecordingNavigator(), TestData.session());
        backend.listener = inbox;
        panel = new LeadPanelViewModel(backend, new CurrentThreadTaskExecutor(), inbox.chat().conversationProperty());
        inbox.load();
    }

    @Test
    void showsNothingUntilAConversationIsOpen() {
        assertThat(panel.shownProperty().get()).isFalse();
        assertThat(backend.calls).noneMatch(call -> call.startsWith("lead ") || call.startsWith("followups"));
    }

    @Test
    void showsTheOpenConversationsLeadStateAndSummary() {
        inbox.open(ana);

        assertThat(panel.shownProperty().get()).isTrue();
        assertThat(panel.titleProperty().get()).isEqualTo("Ana");
        assertThat(panel.stageProperty().get()).isEqualTo("Qualifying");
        assertThat(panel.intentLevelProperty().get()).isEqualTo("Medium");
        assertThat(panel.sentimentProperty().get()).isEqualTo("Neutral");
        assertThat(panel.summaryProperty().get()).isEqualTo("Ana runs a bakery and asked about solar panels for her roof.");
        assertThat(panel.nameProperty().get()).isEqualTo("Ana");
        assertThat(panel.emailProperty().get()).isEqualTo("ana@bakery.example");
        assertThat(panel.companyProperty().get()).isEqualTo("Ana's Bakery");
    }

    @Test
    void saysSoWhenTheBotHasNoSummaryYet() {
        inbox.open(ben);

        assertThat(panel.summaryProperty().get()).isEqualTo(LeadPanelViewModel.NO_SUMMARY);
    }

    @Test
    void followsTheSelectedConversation() {
        inbox.open(ana);
        inbox.open(ben);

        assertThat(panel.titleProperty().get()).isEqualTo("Ben");
        assertThat(panel.emailProperty().get()).isEmpty();
        assertThat(backend.calls).contains("lead lead-c2", "followups c2");
    }

    @Test
    void liveConversationUpdatesChangeStageIntentSentimentAndSummary() {
        inbox.open(ana);

        backend.emit(new BackendEvent.ConversationUpdated(new Conversation(ana.id(), ana.leadId(), ana.leadName(),
                ana.leadPhone(), "pricing", "high", "curious", ana.mode(), false, null, false,
                "Ana wants a price for 12 panels.", ana.lastMessage(), ana.lastMessageAt(), TestData.NOW.plusSeconds(60),
                ana.lastUserMessageAt())));

        assertThat(panel.stageProperty().get()).isEqualTo("Pricing");
        assertThat(panel.intentLevelProperty().get()).isEqualTo("High");
        assertThat(panel.sentimentProperty().get()).isEqualTo("Curious");
        assertThat(panel.summaryProperty().get()).isEqualTo("Ana wants a price for 12 panels.");
        assertThat(backend.calls.stream().filter("lead lead-c1"::equals)).hasSize(1);
    }

    @Test
    void anUpdateOfAnotherConversationLeavesThePanelAlone() {
        inbox.open(ana);

        backend.emit(new BackendEvent.ConversationUpdated(withSummary(ben, "Ben is not interested.")));

        assertThat(panel.titleProperty().get()).isEqualTo("Ana");
        assertThat(panel.summaryProperty().get()).startsWith("Ana runs a bakery");
    }

    @Test
    void savingSendsOnlyTheChangedFields() {
        inbox.open(ana);
        panel.emailProperty().set("ana@newbakery.example");

        panel.save();

        assertThat(backend.requests).contains(new LeadChanges(null, "ana@newbakery.example", null, null, null, null));
        assertThat(panel.statusProperty().get()).isEqualTo("Saved.");
        assertThat(panel.emailProperty().get()).isEqualTo("ana@newbakery.example");
    }

    @Test
    void aRefusedFieldShowsItsProblemNextToIt() {
        inbox.open(ana);
        panel.emailProperty().set("not-an-email");
        backend.failNextWithFields("email must be an email address", "email");

        panel.save();

        assertThat(panel.emailErrorProperty().get()).isEqualTo("Must be an email address");
        assertThat(panel.nameErrorProperty().get()).isEmpty();
        assertThat(panel.errorProperty().get()).isEmpty();
        assertThat(panel.statusProperty().get()).isEmpty();
    }

    @Test
    void nothingChangedSendsNothing() {
        inbox.open(ana);

        panel.save();

        assertThat(panel.statusProperty().get()).isEqualTo("Nothing changed.");
        assertThat(backend.calls).noneMatch(call -> call.startsWith("updateLead"));
    }

    @Test
    void listsTheConversationsFollowups() {
        backend.followupsByConversation.put("c1", new ArrayList<>(List.of(pending("f2"), executed("f1"))));

        inbox.open(ana);

        assertThat(panel.followups()).extracting(Followup::id).containsExactly("f2", "f1");
        assertThat(LeadPanelViewModel.describe(panel.followups().getFirst()))
                .isEqualTo("Follow-up · " + Times.dayAndTime(TOMORROW)
                        + " · Pending · No reply for 3 hours");
        assertThat(panel.followupsHintProperty().get()).isEmpty();
    }

    @Test
    void cancellingAPendingFollowupAsksFirstThenCancelsIt() {
        backend.followupsByConversation.put("c1", new ArrayList<>(List.of(pending("f2"), executed("f1"))));
        inbox.open(ana);

        panel.askToCancel(panel.followups().getFirst());

        assertThat(panel.cancelQuestionProperty().get()).startsWith("Cancel the follow-up planned for");
        assertThat(backend.calls).doesNotContain("cancelFollowup f2");

        panel.confirmCancel();

        assertThat(backend.calls).contains("cancelFollowup f2");
        assertThat(panel.followups().getFirst().status()).isEqualTo("cancelled");
        assertThat(panel.cancelQuestionProperty().get()).isEmpty();
        assertThat(panel.statusProperty().get()).isEqualTo("Follow-up cancelled.");
    }

    @Test
    void keepingTheFollowupCancelsNothing() {
        backend.followupsByConversation.put("c1", new ArrayList<>(List.of(pending("f2"))));
        inbox.open(ana);

        panel.askToCancel(panel.followups().getFirst());
        panel.keepFollowup();
        panel.confirmCancel();

        assertThat(backend.calls).noneMatch(call -> call.startsWith("cancelFollowup"));
        assertThat(panel.followups().getFirst().pending()).isTrue();
    }

    @Test
    void nothingToCancelWhenNoneIsPending() {
        backend.followupsByConversation.put("c1", new ArrayList<>(List.of(executed("f1"))));
        inbox.open(ana);

        panel.askToCancel(panel.followups().getFirst());
        panel.confirmCancel();

        assertThat(panel.cancelQuestionProperty().get()).isEmpty();
        assertThat(backend.calls).noneMatch(call -> call.startsWith("cancelFollowup"));
    }

    @Test
    void saysSoWhenNoFollowupIsScheduled() {
        inbox.open(ben);

        assertThat(panel.followups()).isEmpty();
        assertThat(panel.followupsHintProperty().get()).isEqualTo(LeadPanelViewModel.NO_FOLLOWUPS);
    }

    private static Followup pending(String id) {
        return new Followup(id, "followup", TOMORROW, "pending", "No reply for 3 hours", null);
    }

    private static Followup executed(String id) {
        return new Followup(id, "followup", TestData.NOW, "executed", "No reply for 10 minutes", TestData.NOW);
    }

    private static Lead lead(String id, String name, String email, String company) {
        return new Lead(id, "15550001", name, email, company, "qualification", "medium", "neutral", false, null,
                TestData.NOW, TestData.NOW);
    }

    private static Conversation withSummary(Conversation c, String summary) {
        return new Conversation(c.id(), c.leadId(), c.leadName(), c.leadPhone(), c.stage(), c.intentLevel(),
                c.userSentiment(), c.mode(), c.needsAttention(), c.attentionReason(), c.simulated(), summary,
                c.lastMessage(), c.lastMessageAt(), c.updatedAt(), c.lastUserMessageAt());
    }
}
