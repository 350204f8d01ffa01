package dev.funnel.console.inbox;

import dev.funnel.console.backend.AuthResult;
import dev.funnel.console.backend.BackendClient;
import dev.funnel.console.backend.BackendEvent;
import dev.funnel.console.backend.BackendEventListener;
import dev.funnel.console.backend.ConnectionState;
import dev.funnel.console.backend.Conversation;
import dev.funnel.console.backend.ConversationFilter;
import dev.funnel.console.backend.Message;
import dev.funnel.console.backend.RejectedWebhook;
import dev.funnel.console.backend.RejectedWebhooks;
import dev.funnel.console.common.ErrorMessages;
import dev.funnel.console.common.Notifier;
import dev.funnel.console.common.TaskExecutor;
import dev.funnel.console.common.Times;
import dev.funnel.console.shell.Navigator;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The main screen: every conversation, newest activity first, kept live by backend events, and the
 * open one in {@link ChatViewModel}. After a dropped connection the list is fetched again, since
 * events sent while disconnected are lost. Webhooks the backend could not use are counted in the
 * status bar, so none is lost without anyone seeing it. Each conversation shows how many of the lead's
 * messages no one has opened yet; opening it marks them read for the whole team. The window's title
 * counts the conversations that need a person.
 */
public final class InboxViewModel implements BackendEventListener {

    /** The backend's first page (200) with room for the conversations that become active while shown. */
    static final int MAX_LISTED = 500;

    private final BackendClient client;
    private final TaskExecutor executor;
    private final Navigator navigator;
    private final AuthResult session;
    private final ChatViewModel chat;

    private final ConversationList conversations = new ConversationList();
    private final BooleanProperty languageModelMissing = new SimpleBooleanProperty();
    private final ObjectProperty<ConnectionState> connection = new SimpleObjectProperty<>(ConnectionState.CONNECTING);
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty simulatorOpen = new SimpleBooleanProperty();
    private final StringProperty rejectedWebhooksSummary = new SimpleStringProperty("");
    private final ObservableList<String> rejectedWebhookLines = FXCollections.observableArrayList();
    private final StringProperty unattributedWebhooks = new SimpleStringProperty("");
    private final StringBinding connectionText = Bindings.createStringBinding(() -> switch (connection.get()) {
        case CONNECTING -> "Connecting to live updates…";
        case CONNECTED -> "Live";
        case RECONNECTING -> "Connection lost — reconnecting…";
        case CLOSED -> "Offline";
    }, connection);
    private final StringProperty searchText = new SimpleStringProperty("");
    private final FilteredList<Conversation> shownConversations = new FilteredList<>(conversations);
    private final StringBinding emptyListText = Bindings.createStringBinding(() -> searchText.get().isBlank()
            ? "No conversations yet. Use \"Simulate a lead\" to try one."
            : "No conversation matches \u201c" + searchText.get().strip() + "\u201d.", searchText);
    private final BooleanProperty soundOn = new SimpleBooleanProperty();
    private final AttentionAlerts alerts;
    private final IntegerBinding attentionCount = Bindings.createIntegerBinding(
            () -> (int) conversations.stream().filter(Conversation::needsAttention).count(), conversations);
    private final StringBinding windowTitle;
    private boolean missedEvents;

    public InboxViewModel(BackendClient client, TaskExecutor executor, Notifier notifier, Navigator navigator,
                          AuthResult session) {
        this.client = client;
        this.executor = executor;
        this.navigator = navigator;
        this.session = session;
        this.chat = new ChatViewModel(client, executor, this::upsert);
        shownConversations.predicateProperty().bind(searchText.map(InboxViewModel::matching));
        this.alerts = new AttentionAlerts(notifier, soundOn);
        this.windowTitle = Bindings.createStringBinding(() -> windowTitle(attentionCount.get(),
                session.organisation().name()), attentionCount);
    }

    /** "(3) Funnel — Acme" while three conversations need a person, so it shows in the taskbar too. */
    static String windowTitle(int needingAPerson, String organisation) {
        return (needingAPerson > 0 ? "(" + needingAPerson + ") " : "") + "Funnel — " + organisation;
    }

    public void load() {
        refreshConversations();
        checkLanguageModel();
        refreshRejectedWebhooks();
    }

    public void refreshConversations() {
        executor.execute(() -> client.conversations(ConversationFilter.ALL), loaded -> {
            error.set("");
            alerts.listed(loaded);
            conversations.setAll(loaded);
            loaded.forEach(chat::conversationUpdated);
        }, failure -> error.set(ErrorMessages.describe(failure)));
    }

    /** Called whenever the inbox is shown again, e.g. after the language-model settings. */
    public void checkLanguageModel() {
        executor.execute(client::llmSettings, settings -> languageModelMissing.set(!settings.configured()),
                failure -> error.set(ErrorMessages.describe(failure)));
    }

    /**
     * Also run every minute while the inbox is shown. A failure keeps what was shown: a server older
     * than this console has no such list, and the inbox must not show an error for it every minute.
     */
    public void refreshRejectedWebhooks() {
        executor.execute(client::rejectedWebhooks, this::showRejectedWebhooks, failure -> { });
    }

    private void showRejectedWebhooks(RejectedWebhooks rejected) {
        int items = rejected.items().size();
        int unattributed = rejected.unattributedCount();
        int total = items + unattributed;
        rejectedWebhooksSummary.set(total == 0 ? "" : "⚠ " + webhooks(total) + " could not be processed");
        rejectedWebhookLines.setAll(rejected.items().stream().map(InboxViewModel::describe).toList());
        if (unattributed == 0) {
            unattributedWebhooks.set("");
        } else {
            unattributedWebhooks.set((items == 0 ? webhooks(unattributed) : unattributed + " more")
                    + " could not be tied to any organisation; see the server log.");
        }
    }

    /** "22 Nov 06:30 · Failed after 5 attempts · received 6 times" */
    private static String describe(RejectedWebhook webhook) {
        String received = webhook.receiveCount() == 1
                ? "received once" : "received " + webhook.receiveCount() + " times";
        return Times.dayAndTime(webhook.receivedAt()) + " · "
                + Objects.requireNonNullElse(webhook.reason(), "No reason recorded") + " · " + received;
    }

    private static String webhooks(int count) {
        return count == 1 ? "1 webhook" : count + " webhooks";
    }

    public void open(Conversation conversation) {
        chat.open(conversation);
        if (conversation != null) {
            markRead(conversation);
        }
    }

    /**
     * The open chat's messages are seen: the backend tells the other consoles, and the badge clears with
     * its answer. Not at once: opening comes from the list's selection, which must not change under it.
     */
    private void markRead(Conversation conversation) {
        if (conversation.unreadCount() == 0) {
            return;
        }
        executor.execute(() -> client.markRead(conversation.id()), this::replace,
                failure -> error.set(ErrorMessages.describe(failure)));
    }

    @Override
    public void onEvent(BackendEvent event) {
        switch (event) {
            case BackendEvent.ConversationUpdated e -> upsert(e.conversation());
            case BackendEvent.TakeoverStarted e -> upsert(e.conversation());
            case BackendEvent.TakeoverEnded e -> upsert(e.conversation());
            case BackendEvent.MessageCreated e -> messageCreated(e.message());
            case BackendEvent.HumanAttentionRequired e -> attentionRequired(e.conversationId(), e.reason());
            case BackendEvent.ServerHello ignored -> { }
            case BackendEvent.Heartbeat ignored -> { }
            case BackendEvent.Unknown ignored -> { }
            case BackendEvent.KnowledgeDocumentUpdated ignored -> { }
            case BackendEvent.KnowledgeDocumentDeleted ignored -> { }
        }
    }

    @Override
    public void onConnectionState(ConnectionState state) {
        connection.set(state);
        if (state == ConnectionState.RECONNECTING) {
            missedEvents = true;
        } else if (state == ConnectionState.CONNECTED && missedEvents) {
            missedEvents = false;
            refreshConversations();
            chat.refresh();
            refreshRejectedWebhooks();
        }
    }

    /**
     * Inserts or replaces the conversation and moves it to the top: it just had activity. A change of its
     * unread count alone (someone read it) leaves it where it is; a new message in the open chat is read.
     * The list keeps the {@value #MAX_LISTED} latest, so a busy day does not grow it to every conversation.
     */
    void upsert(Conversation conversation) {
        alerts.changed(conversation);
        int index = indexOf(conversation.id());
        boolean staysInPlace = index == 0
                || index > 0 && conversations.get(index).read().equals(conversation.read());
        if (staysInPlace) {
            conversations.set(index, conversation);
        } else {
            conversations.moveToTop(index, conversation, MAX_LISTED);
        }
        chat.conversationUpdated(conversation);
        if (isOpen(conversation.id())) {
            markRead(conversation);
        }
    }

    /** Where the conversation is now: the list may have moved on since the answer was asked for. */
    private void replace(Conversation conversation) {
        int index = indexOf(conversation.id());
        if (index >= 0) {
            conversations.set(index, conversation);
        }
    }

    private boolean isOpen(String conversationId) {
        Conversation open = chat.conversationProperty().get();
        return open != null && open.id().equals(conversationId);
    }

    /**
     * A conversation not listed yet (new, or below the first page) is left to the conversation.updated
     * the backend sends after every new message: fetching the whole list again here did so for most
     * messages of a large inbox, many times a second under load.
     */
    private void messageCreated(Message message) {
        chat.messageCreated(message);
        find(message.conversationId())
                .ifPresent(known -> upsert(known.withLastMessage(message.content(), message.createdAt())));
    }

    private void attentionRequired(String conversationId, String reason) {
        Optional<Conversation> known = find(conversationId);
        String who = known.map(Conversation::displayName).orElse("A lead");
        String why = reason == null || reason.isBlank() ? "The bot handed this conversation to a person." : reason;
        known.ifPresent(c -> upsert(c.withAttention(reason)));
        alerts.attentionRequired(conversationId, who + " needs a person", why,
                () -> find(conversationId).ifPresent(this::open));
    }

    private Optional<Conversation> find(String conversationId) {
        int index = indexOf(conversationId);
        return index < 0 ? Optional.empty() : Optional.of(conversations.get(index));
    }

    private int indexOf(String conversationId) {
        for (int i = 0; i < conversations.size(); i++) {
            if (conversations.get(i).id().equals(conversationId)) {
                return i;
            }
        }
        return -1;
    }

    // --- keyboard ---

    /** Name, phone or last message containing the text, ignoring case; a blank search shows all. */
    private static Predicate<Conversation> matching(String text) {
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        return conversation -> wanted.isEmpty() || Stream.of(conversation.displayName(), conversation.leadPhone(),
                        conversation.lastMessage())
                .anyMatch(part -> part != null && part.toLowerCase(Locale.ROOT).contains(wanted));
    }

    public void clearSearch() {
        searchText.set("");
    }

    /** Opens the conversation below the open one in the shown list; the last stays open at the end. */
    public void openNext() {
        openShown(+1);
    }

    /** Opens the conversation above the open one in the shown list; the first stays open at the top. */
    public void openPrevious() {
        openShown(-1);
    }

    /** With no shown conversation open, either direction opens the first one shown. */
    private void openShown(int step) {
        if (shownConversations.isEmpty()) {
            return;
        }
        Conversation open = chat.conversationProperty().get();
        int index = open == null ? -1 : shownIndexOf(open.id());
        int target = index < 0 ? 0 : Math.clamp(index + step, 0, shownConversations.size() - 1);
        if (target != index) {
            open(shownConversations.get(target));
        }
    }

    private int shownIndexOf(String conversationId) {
        for (int i = 0; i < shownConversations.size(); i++) {
            if (shownConversations.get(i).id().equals(conversationId)) {
                return i;
            }
        }
        return -1;
    }

    /** Takes over the open conversation if the bot has it; does nothing otherwise (no accidental release). */
    public void takeOverOpenConversation() {
        Conversation open = chat.conversationProperty().get();
        if (open != null && !open.humanMode()) {
            chat.toggleTakeover();
        }
    }

    /** Hands the open conversation back to the bot if a person has it; does nothing otherwise. */
    public void releaseOpenConversation() {
        Conversation open = chat.conversationProperty().get();
        if (open != null && open.humanMode()) {
            chat.toggleTakeover();
        }
    }

    public StringProperty searchTextProperty() {
        return searchText;
    }

    /** The conversations the search lets through, in the inbox's order; what the list shows. */
    public ObservableList<Conversation> shownConversations() {
        return shownConversations;
    }

    /** What the list says when it shows nothing: no conversations at all, or none matching the search. */
    public StringBinding emptyListTextProperty() {
        return emptyListText;
    }

    public void openLeads() {
        navigator.showLeads();
    }

    public void openWhatsAppSettings() {
        navigator.showWhatsAppSettings();
    }

    public void openTemplates() {
        navigator.showTemplates();
    }

    public void openLanguageModelSettings() {
        navigator.showLlmSettings();
    }

    public void openDashboard() {
        navigator.showDashboard();
    }

    public void openPrompts() {
        navigator.showPrompts();
    }

    public void openSettings() {
        navigator.showOrganisationSettings();
    }

    public void openKnowledge() {
        navigator.showKnowledge();
    }

    public void toggleSimulator() {
        simulatorOpen.set(!simulatorOpen.get());
    }

    public String signedInAs() {
        return "Signed in as " + session.user().name() + " · " + session.organisation().name()
                + " · " + client.baseUri();
    }

    /** Whether an alert also chimes; the person's choice, kept in the console's preferences. */
    public BooleanProperty soundOnProperty() {
        return soundOn;
    }

    /** How many listed conversations need a person: the window title's and the taskbar badge's count. */
    public IntegerBinding attentionCountProperty() {
        return attentionCount;
    }

    public StringBinding windowTitleProperty() {
        return windowTitle;
    }

    public ChatViewModel chat() {
        return chat;
    }

    public ObservableList<Conversation> conversations() {
        return conversations;
    }

    public ReadOnlyBooleanProperty languageModelMissingProperty() {
        return languageModelMissing;
    }

    public ReadOnlyObjectProperty<ConnectionState> connectionProperty() {
        return connection;
    }

    public StringBinding connectionTextProperty() {
        return connectionText;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    public BooleanProperty simulatorOpenProperty() {
        return simulatorOpen;
    }

    /** "⚠ 3 webhooks could not be processed", or empty when there are none. */
    public ReadOnlyStringProperty rejectedWebhooksSummaryProperty() {
        return rejectedWebhooksSummary;
    }

    /** One line per rejected webhook of this organisation, newest first: time, reason, deliveries. */
    public ObservableList<String> rejectedWebhookLines() {
        return rejectedWebhookLines;
    }

    /** The line about webhooks tied to no organisation, or empty when there are none. */
    public ReadOnlyStringProperty unattributedWebhooksProperty() {
        return unattributedWebhooks;
    }
}
