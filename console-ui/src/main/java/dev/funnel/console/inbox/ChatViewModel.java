package dev.funnel.console.inbox;

import dev.funnel.console.backend.BackendClient;
import dev.funnel.console.backend.BackendException;
import dev.funnel.console.backend.Conversation;
import dev.funnel.console.backend.Message;
import dev.funnel.console.backend.MessageFrom;
import dev.funnel.console.backend.OutgoingMessage;
import dev.funnel.console.common.ErrorMessages;
import dev.funnel.console.common.TaskExecutor;
import dev.funnel.console.copilot.SuggestReplyViewModel;
import dev.funnel.console.templates.TemplatePickerViewModel;
import dev.funnel.console.trace.TraceViewModel;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
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

/**
 * The open conversation: its messages, the takeover toggle and the reply box. A person can only
 * reply in human mode; the bot is silent then, and back in charge after "Release". Free text needs
 * the lead's 24-hour window open (the lead wrote in the last 24 hours); once it has closed, or the
 * backend says so with a 409, the template picker is offered instead.
 */
public final class ChatViewModel {

    static final Duration WHATSAPP_WINDOW = Duration.ofHours(24);
    private static final int QUOTE_LENGTH = 80;

    private final BackendClient client;
    private final TaskExecutor executor;
    private final Consumer<Conversation> conversationChanged;

    private final ObjectProperty<Conversation> conversation = new SimpleObjectProperty<>();
    private final ObservableList<Message> messages = FXCollections.observableArrayList();
    private final StringProperty reply = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty windowClosedByBackend = new SimpleBooleanProperty();
    private final TemplatePickerViewModel templatePicker;

    private final BooleanBinding open = conversation.isNotNull();
    private final BooleanBinding humanMode = Bindings.createBooleanBinding(
            () -> conversation.get() != null && conversation.get().humanMode(), conversation);
    private final BooleanBinding windowOpen = Bindings.createBooleanBinding(this::windowOpenNow,
            conversation, messages, windowClosedByBackend);
    private final BooleanBinding canType = humanMode.and(windowOpen);
    /** The conversation templates are offered for: the open one once it is in human mode with the window closed. */
    private final ObjectBinding<String> pickerConversation = Bindings.createObjectBinding(
            () -> humanMode.get() && !windowOpen.get() ? conversation.get().id() : null, humanMode, windowOpen, conversation);
    private final BooleanBinding canSend = Bindings.createBooleanBinding(
            () -> canType.get() && !busy.get() && !reply.get().isBlank(), canType, busy, reply);
    private final StringBinding takeoverLabel = Bindings.createStringBinding(
            () -> humanMode.get() ? "Release to bot" : "Take over", humanMode);
    private final StringBinding title = Bindings.createStringBinding(
            () -> conversation.get() == null ? "" : conversation.get().displayName(), conversation);
    private final StringBinding details = Bindings.createStringBinding(() -> details(conversation.get()), conversation);
    private final StringBinding replyHint = Bindings.createStringBinding(() -> !humanMode.get()
            ? "The bot is handling this conversation. Take over to reply yourself." : windowOpen.get() ? ""
            : "The lead has not written in the last 24 hours, so WhatsApp only takes an approved template:"
            + " choose one below.", humanMode, windowOpen);

    private final SuggestReplyViewModel suggestReply;
    private final ChatMedia media;

    /** @param conversationChanged told when takeover/release returns the updated conversation, so the list follows */
    public ChatViewModel(BackendClient client, TaskExecutor executor, Consumer<Conversation> conversationChanged) {
        this.client = client;
        this.executor = executor;
        this.conversationChanged = conversationChanged;
        this.templatePicker = new TemplatePickerViewModel(client, executor, this::messageCreated);
        pickerConversation.subscribe(templatePicker::offerFor);
        this.suggestReply = new SuggestReplyViewModel(client, executor, conversation, reply);
        this.media = new ChatMedia(client, executor, error);
    }

    /** The trace of the turn that wrote a bot reply; empty for other messages. */
    public Optional<TraceViewModel> trace(Message message) {
        return message.turnId() == null ? Optional.empty()
                : Optional.of(new TraceViewModel(client, executor, message.conversationId(), message.turnId()));
    }

    public SuggestReplyViewModel suggestReply() {
        return suggestReply;
    }

    public void open(Conversation selected) {
        if (selected != null && isOpen(selected.id())) {
            conversation.set(selected);
            return;
        }
        windowClosedByBackend.set(false);
        media.forgetFailures();
        conversation.set(selected);
        messages.clear();
        reply.set("");
        error.set("");
        refresh();
    }

    /** Re-reads the messages; live events that arrived meanwhile are kept. */
    public void refresh() {
        Conversation current = conversation.get();
        if (current == null) {
            return;
        }
        executor.execute(() -> client.messages(current.id()), loaded -> {
            if (isOpen(current.id())) {
                merge(loaded);
            }
        }, failure -> error.set(ErrorMessages.describe(failure)));
    }

    /** A newer version of some conversation arrived; adopt it if it is the open one. */
    public void conversationUpdated(Conversation updated) {
        if (isOpen(updated.id())) {
            conversation.set(updated);
        }
    }

    /**
     * A live message: appended if it belongs here, or replaces its older version (delivery status changes).
     * A lead's reaction goes on the message it reacts to, as the backend's list shows it.
     */
    public void messageCreated(Message message) {
        if (!isOpen(message.conversationId())) {
            return;
        }
        if (message.isReaction() && react(message)) {
            return;
        }
        for (int i = 0; i < messages.size(); i++) {
            if (messages.get(i).id().equals(message.id())) {
                messages.set(i, message);
                return;
            }
        }
        if (message.messageFrom() == MessageFrom.LEAD) {
            windowClosedByBackend.set(false); // the lead wrote: the window is open again
        }
        messages.add(message);
    }

    /** Puts the reaction on its message; false when the message is not among those shown. */
    private boolean react(Message reaction) {
        for (int i = 0; i < messages.size(); i++) {
            if (reaction.reactsToWaId().equals(messages.get(i).waMessageId())) {
                messages.set(i, messages.get(i).withLeadReaction(reaction.reactionEmoji()));
                return true;
            }
        }
        return false;
    }

    /** The shown message {@code message} replies to, when it replies to one that is loaded. */
    public Optional<Message> quoted(Message message) {
        String quotedId = message.replyToWaId();
        return quotedId == null ? Optional.empty()
                : messages.stream().filter(m -> quotedId.equals(m.waMessageId())).findFirst();
    }

    /** The first line of a quoted message, short enough for the strip above a reply. */
    public String quoteSnippet(Message quoted) {
        String text = quoted.content() == null ? "" : quoted.content().strip();
        int newline = text.indexOf('\n');
        String line = newline < 0 ? text : text.substring(0, newline);
        return senderLabel(quoted) + ": " + (line.length() > QUOTE_LENGTH ? line.substring(0, QUOTE_LENGTH) + "…" : line);
    }

    /** Opens a link a message carries (a shared place's map) in the browser, in the background. */
    public void openLink(String url, Consumer<URI> browser) {
        executor.execute(() -> {
            URI link = URI.create(url);
            browser.accept(link);
            return link;
        }, opened -> { }, failure -> error.set("Could not open the link: " + ErrorMessages.describe(failure)));
    }

    public ChatMedia media() {
        return media;
    }

    public void send() {
        if (!canSend.get()) {
            return;
        }
        OutgoingMessage outgoing = new OutgoingMessage(conversation.get().id(), reply.get().strip());
        run(() -> client.sendMessage(outgoing), sent -> {
            reply.set("");
            messageCreated(sent);
        });
    }

    public void toggleTakeover() {
        Conversation current = conversation.get();
        if (current == null || busy.get()) {
            return;
        }
        run(() -> current.humanMode() ? client.release(current.id()) : client.takeover(current.id()),
                conversationChanged::accept);
    }

    /** "Bot", "You (team)" or the lead's name, above each bubble. */
    public String senderLabel(Message message) {
        return switch (message.messageFrom() == null ? MessageFrom.LEAD : message.messageFrom()) {
            case LEAD -> conversation.get() == null ? "Lead" : conversation.get().displayName();
            case BOT -> "Bot";
            case HUMAN -> "Team";
        };
    }

    private <T> void run(Callable<T> call, Consumer<T> onSuccess) {
        busy.set(true);
        error.set("");
        executor.execute(call, result -> {
            busy.set(false);
            onSuccess.accept(result);
        }, failure -> {
            busy.set(false);
            error.set(ErrorMessages.describe(failure));
            if (failure instanceof BackendException backend && backend.status() == 409
                    && backend.getMessage().contains("24-hour window")) {
                windowClosedByBackend.set(true);
            }
        });
    }

    /** Open while the lead's last message is less than 24 hours old, unless the backend refused text since. */
    private boolean windowOpenNow() {
        Conversation current = conversation.get();
        if (current == null || windowClosedByBackend.get()) {
            return false;
        }
        Instant leadWrote = messages.stream().filter(m -> m.messageFrom() == MessageFrom.LEAD && m.createdAt() != null)
                .map(Message::createdAt).reduce(current.lastUserMessageAt(), ChatViewModel::later);
        return leadWrote != null && leadWrote.isAfter(Instant.now().minus(WHATSAPP_WINDOW));
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    private void merge(List<Message> loaded) {
        List<Message> merged = new ArrayList<>(loaded);
        var loadedIds = loaded.stream().map(Message::id).collect(Collectors.toSet());
        messages.stream().filter(m -> !loadedIds.contains(m.id())).forEach(merged::add);
        messages.setAll(merged);
    }

    private boolean isOpen(String conversationId) {
        return conversation.get() != null && conversation.get().id().equals(conversationId);
    }

    private static String details(Conversation c) {
        if (c == null) {
            return "";
        }
        return Stream.of(c.leadName() == null || c.leadName().isBlank() ? null : c.leadPhone(),
                        labelled("stage", c.stage()), labelled("intent", c.intentLevel()),
                        labelled("sentiment", c.userSentiment()), c.simulated() ? "simulated lead" : null)
                .filter(Objects::nonNull)
                .collect(Collectors.joining("  ·  "));
    }

    private static String labelled(String label, String value) {
        return value == null || value.isBlank() ? null : label + ": " + value;
    }

    public ReadOnlyObjectProperty<Conversation> conversationProperty() {
        return conversation;
    }

    public ObservableList<Message> messages() {
        return messages;
    }

    public StringProperty replyProperty() {
        return reply;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    public BooleanBinding openProperty() {
        return open;
    }

    public BooleanBinding humanModeProperty() {
        return humanMode;
    }

    /** Whether the lead wrote in the last 24 hours, so free text can reach them. */
    public BooleanBinding windowOpenProperty() {
        return windowOpen;
    }

    /** Human mode with the window open: the reply box takes text. */
    public BooleanBinding canTypeProperty() {
        return canType;
    }

    public TemplatePickerViewModel templatePicker() {
        return templatePicker;
    }

    public BooleanBinding canSendProperty() {
        return canSend;
    }

    public StringBinding takeoverLabelProperty() {
        return takeoverLabel;
    }

    public StringBinding titleProperty() {
        return title;
    }

    public StringBinding detailsProperty() {
        return details;
    }

    public StringBinding replyHintProperty() {
        return replyHint;
    }
}
