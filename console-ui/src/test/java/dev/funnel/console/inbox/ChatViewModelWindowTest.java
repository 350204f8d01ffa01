package dev.funnel.console.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.console.backend.Conversation;
import dev.funnel.console.backend.ConversationMode;
import dev.funnel.console.backend.FakeBackendClient;
import dev.funnel.console.backend.Message;
import dev.funnel.console.backend.MessageFrom;
import dev.funnel.console.backend.TestData;
import dev.funnel.console.common.CurrentThreadTaskExecutor;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The lead's 24-hour window decides between the text box and the template picker. */
class ChatViewModelWindowTest {

    private final FakeBackendClient backend = new FakeBackendClient();
    private final ChatViewModel chat = new ChatViewModel(backend, new CurrentThreadTaskExecutor(), c -> { });

    private static Conversation leadWrote(Duration ago, ConversationMode mode) {
        Conversation c = TestData.conversation("c1", "Ana", mode);
        return new Conversation(c.id(), c.leadId(), c.leadName(), c.leadPhone(), c.stage(), c.intentLevel(),
                c.userSentiment(), mode, false, null, false, null, "Hi", c.lastMessageAt(), c.updatedAt(),
                ago == null ? null : Instant.now().minus(ago));
    }

    @Test
    void thePickerIsOfferedOnceTheLeadLastWroteOver24HoursAgo() {
        backend.templates.add(TestData.approvedTemplate("t1"));

        chat.open(leadWrote(Duration.ofHours(25), ConversationMode.HUMAN));

        assertThat(chat.windowOpenProperty().get()).isFalse();
        assertThat(chat.templatePicker().offeredProperty().get()).isTrue();
        assertThat(chat.templatePicker().approvedTemplates()).hasSize(1);
        assertThat(chat.canTypeProperty().get()).isFalse();
        assertThat(chat.replyHintProperty().get()).contains("approved template");
    }

    @Test
    void aLeadWhoNeverWroteGetsThePickerToo() {
        chat.open(leadWrote(null, ConversationMode.HUMAN));

        assertThat(chat.templatePicker().offeredProperty().get()).isTrue();
    }

    @Test
    void whileTheWindowIsOpenTheTextBoxIsUsedAndNoPickerOffered() {
        chat.open(leadWrote(Duration.ofHours(2), ConversationMode.HUMAN));

        assertThat(chat.windowOpenProperty().get()).isTrue();
        assertThat(chat.canTypeProperty().get()).isTrue();
        assertThat(chat.templatePicker().offeredProperty().get()).isFalse();
    }

    @Test
    void inBotModeNoPickerIsOffered() {
        chat.open(leadWrote(Duration.ofHours(30), ConversationMode.BOT));

        assertThat(chat.templatePicker().offeredProperty().get()).isFalse();
    }

    @Test
    void theBackendRefusingTextForAClosedWindowOffersThePicker() {
        chat.open(leadWrote(Duration.ofHours(1), ConversationMode.HUMAN));
        chat.replyProperty().set("Are you still interested?");
        backend.failNext(409, "24-hour window closed — send an approved template: the lead last wrote more than 24 hours ago");

        chat.send();

        assertThat(chat.templatePicker().offeredProperty().get()).isTrue();
        assertThat(chat.errorProperty().get()).startsWith("24-hour window closed");
    }

    @Test
    void aNewMessageFromTheLeadReopensTheWindow() {
        chat.open(leadWrote(Duration.ofHours(48), ConversationMode.HUMAN));

        chat.messageCreated(new Message("m9", "c1", MessageFrom.LEAD, "text", "Still there?", null, null, Instant.now(), null));

        assertThat(chat.windowOpenProperty().get()).isTrue();
        assertThat(chat.templatePicker().offeredProperty().get()).isFalse();
    }

    @Test
    void aSentTemplateAppearsInTheChat() {
        backend.templates.add(TestData.approvedTemplate("t1"));
        chat.open(leadWrote(Duration.ofDays(3), ConversationMode.HUMAN));
        chat.templatePicker().chosenProperty().set(chat.templatePicker().approvedTemplates().getFirst());
        chat.templatePicker().values().forEach(v -> v.valueProperty().set("A-17"));

        chat.templatePicker().send();

        assertThat(chat.messages()).extracting(Message::messageType).containsExactly("template");
    }
}
