package dev.funnel.console.simulator;

import dev.funnel.console.backend.BackendClient;
import dev.funnel.console.backend.BackendEvent;
import dev.funnel.console.backend.BackendEventListener;
import dev.funnel.console.backend.ConnectionState;
import dev.funnel.console.backend.Conversation;
import dev.funnel.console.backend.ConversationFilter;
import dev.funnel.console.backend.Message;
import dev.funnel.console.backend.SimulatedInbound;
import dev.funnel.console.common.ErrorMessages;
import dev.funnel.console.common.TaskExecutor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Plays a lead: sends a message through the backend's real webhook path and shows that lead's chat,
 * so a person sees the bot answer without a WhatsApp number. The chat is the simulated conversation
 * whose lead phone matches the phone typed here; live message events keep it current.
 */
public final class SimulatorViewModel implements BackendEventListener {

    public static final String DEFAULT_PHONE = "15550001111";
    private static final int MIN_DIGITS = 7;
    private static final int MAX_DIGITS = 15;

    private final BackendClient client;
    private final TaskExecutor executor;

    private final StringProperty phone = new SimpleStringProperty(DEFAULT_PHONE);
    private final StringProperty name = new SimpleStringProperty("Test Lead");
    private final StringProperty text = new SimpleStringProperty("");
    private final ObservableList<Message> chat = FXCollections.observableArrayList();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final StringBinding phoneProblem = Bindings.createStringBinding(() -> phoneValid() ? ""
            : "Enter the lead's number in international format, digits only (e.g. " + DEFAULT_PHONE + ").", phone);
    private final BooleanBinding canSend = Bindings.createBooleanBinding(
            () -> !busy.get() && phoneValid() && !text.get().isBlank(), busy, phone, text);

    /** Lead phone (digits) of every simulated conversation seen so far. */
    private final Map<String, String> phoneByConversation = new HashMap<>();
    private String shownConversationId;
    private boolean lookingUp;

    public SimulatorViewModel(BackendClient client, TaskExecutor executor) {
        this.client = client;
        this.executor = executor;
        phone.addListener((obs, old, now) -> showConversationOfCurrentPhone());
    }

    public void send() {
        if (!canSend.get()) {
            return;
        }
        SimulatedInbound inbound = new SimulatedInbound(digits(phone.get()), name.get().strip(), text.get().strip());
        busy.set(true);
        error.set("");
        executor.execute(() -> {
            client.simulate(inbound);
            return inbound;
        }, sent -> {
            busy.set(false);
            text.set("");
            status.set("Sent as +" + sent.fromPhone() + ". The bot's answer appears here when it is ready.");
        }, failure -> {
            busy.set(false);
            error.set(ErrorMessages.describe(failure));
        });
    }

    @Override
    public void onEvent(BackendEvent event) {
        Conversation conversation = event.conversationOrNull();
        if (conversation != null && conversation.simulated()) {
            learn(conversation);
        }
        if (event instanceof BackendEvent.MessageCreated created && created.simulated()) {
            Message message = created.message();
            if (message.conversationId().equals(shownConversationId)) {
                upsert(message);
            } else if (!phoneByConversation.containsKey(message.conversationId())) {
                lookUpSimulatedConversations();
            }
        }
    }

    @Override
    public void onConnectionState(ConnectionState state) {
        if (state == ConnectionState.CONNECTED && shownConversationId != null) {
            load(shownConversationId); // catch up on what was sent while disconnected
        }
    }

    private void learn(Conversation conversation) {
        phoneByConversation.put(conversation.id(), digits(conversation.leadPhone()));
        if (shownConversationId == null && digits(conversation.leadPhone()).equals(digits(phone.get()))) {
            show(conversation.id());
        }
    }

    /** A message of a conversation we know nothing about: ask the backend which lead it belongs to. */
    private void lookUpSimulatedConversations() {
        if (lookingUp) {
            return;
        }
        lookingUp = true;
        executor.execute(() -> client.conversations(ConversationFilter.ALL), conversations -> {
            lookingUp = false;
            conversations.stream().filter(Conversation::simulated).forEach(this::learn);
        }, failure -> {
            lookingUp = false;
            error.set(ErrorMessages.describe(failure));
        });
    }

    private void showConversationOfCurrentPhone() {
        shownConversationId = null;
        chat.clear();
        String wanted = digits(phone.get());
        phoneByConversation.entrySet().stream()
                .filter(entry -> entry.getValue().equals(wanted))
                .findFirst()
                .ifPresent(entry -> show(entry.getKey()));
    }

    private void show(String conversationId) {
        shownConversationId = conversationId;
        load(conversationId);
    }

    private void load(String conversationId) {
        executor.execute(() -> client.messages(conversationId), loaded -> {
            if (conversationId.equals(shownConversationId)) {
                Set<String> loadedIds = loaded.stream().map(Message::id).collect(Collectors.toSet());
                List<Message> merged = new ArrayList<>(loaded);
                chat.stream().filter(m -> !loadedIds.contains(m.id())).forEach(merged::add);
                chat.setAll(merged);
            }
        }, failure -> error.set(ErrorMessages.describe(failure)));
    }

    private void upsert(Message message) {
        for (int i = 0; i < chat.size(); i++) {
            if (chat.get(i).id().equals(message.id())) {
                chat.set(i, message);
                return;
            }
        }
        chat.add(message);
    }

    private boolean phoneValid() {
        String digits = digits(phone.get());
        return digits.length() >= MIN_DIGITS && digits.length() <= MAX_DIGITS;
    }

    /** WhatsApp ids are digits only; people type "+1 555-000 1111". */
    static String digits(String phoneNumber) {
        return phoneNumber == null ? "" : phoneNumber.replaceAll("\\D", "");
    }

    public StringProperty phoneProperty() {
        return phone;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty textProperty() {
        return text;
    }

    public ObservableList<Message> chat() {
        return chat;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    public StringBinding phoneProblemProperty() {
        return phoneProblem;
    }

    public BooleanBinding canSendProperty() {
        return canSend;
    }
}
