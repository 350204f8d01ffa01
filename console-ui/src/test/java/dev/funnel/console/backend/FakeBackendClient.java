package dev.funnel.console.backend;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A hand-written stand-in for the backend: answers from fields a test sets, records what was
 * asked, and lets the test push live events. {@link #failNext} makes the next call throw.
 */
public final class FakeBackendClient implements BackendClient {

    public final List<String> calls = new ArrayList<>();
    public URI baseUri = URI.create("http://127.0.0.1:8090");
    public boolean hasOrganisation = true;
    public AuthResult session = TestData.session();
    public WhatsAppSettings whatsApp = new WhatsAppSettings(false, null, null, null, null);
    public LlmSettings llm = new LlmSettings(false, null, null, false, "none");
    public List<Conversation> conversations = new ArrayList<>();
    public Map<String, List<Message>> messagesByConversation = new HashMap<>();
    public RejectedWebhooks rejectedWebhooks = new RejectedWebhooks(List.of(), 0);
    public List<Object> requests = new ArrayList<>();
    public Map<String, Turn> turns = new HashMap<>();
    public Replay replay;
    public DryRun suggestedReply;
    public BackendEventListener listener;
    private BackendException nextFailure;
    private int sentCount;

    public void failNext(int status, String message) {
        nextFailure = new BackendException(status, message);
    }

    /** Pushes a live event the way the event stream would. */
    public void emit(BackendEvent event) {
        listener.onEvent(event);
    }

    public void connection(ConnectionState state) {
        listener.onConnectionState(state);
    }

    private void call(String name, Object request) {
        calls.add(name);
        if (request != null) {
            requests.add(request);
        }
        if (nextFailure != null) {
            BackendException failure = nextFailure;
            nextFailure = null;
            throw failure;
        }
    }

    @Override
    public URI baseUri() {
        return baseUri;
    }

    @Override
    public void health() {
        call("health", null);
    }

    @Override
    public SetupStatus setupStatus() {
        call("setupStatus", null);
        return new SetupStatus(hasOrganisation);
    }

    @Override
    public AuthResult createOrganisation(NewOrganisation request) {
        call("createOrganisation", request);
        return session;
    }

    @Override
    public AuthResult login(Credentials credentials) {
        call("login", credentials);
        return session;
    }

    @Override
    public Me me() {
        call("me", null);
        return new Me(session.user(), session.organisation());
    }

    @Override
    public WhatsAppSettings whatsAppSettings() {
        call("whatsAppSettings", null);
        return whatsApp;
    }

    @Override
    public WhatsAppSettings saveWhatsAppSettings(WhatsAppSettingsUpdate update) {
        call("saveWhatsAppSettings", update);
        whatsApp = new WhatsAppSettings(true, update.phoneNumberId(), update.businessAccountId(),
                update.displayPhoneNumber(), "active");
        return whatsApp;
    }

    @Override
    public void disconnectWhatsApp() {
        call("disconnectWhatsApp", null);
        whatsApp = new WhatsAppSettings(false, null, null, null, null);
    }

    @Override
    public LlmSettings llmSettings() {
        call("llmSettings", null);
        return llm;
    }

    @Override
    public LlmSettings saveLlmSettings(LlmSettingsUpdate update) {
        call("saveLlmSettings", update);
        llm = new LlmSettings(true, update.baseUrl(), update.model(), !update.apiKey().isBlank(), "organisation");
        return llm;
    }

    @Override
    public List<Conversation> conversations(ConversationFilter filter) {
        call("conversations", null);
        return List.copyOf(conversations);
    }

    @Override
    public List<Message> messages(String conversationId) {
        call("messages " + conversationId, null);
        return List.copyOf(messagesByConversation.getOrDefault(conversationId, List.of()));
    }

    @Override
    public Conversation takeover(String conversationId) {
        call("takeover " + conversationId, null);
        return withMode(conversationId, ConversationMode.HUMAN);
    }

    @Override
    public Conversation release(String conversationId) {
        call("release " + conversationId, null);
        return withMode(conversationId, ConversationMode.BOT);
    }

    // --- trace and copilot ---

    @Override
    public Turn turn(String conversationId, String turnId) {
        call("turn " + conversationId + " " + turnId, null);
        return turns.get(turnId);
    }

    @Override
    public Replay replayTurn(String conversationId, String turnId) {
        call("replayTurn " + conversationId + " " + turnId, null);
        return replay;
    }

    @Override
    public DryRun suggestReply(String conversationId) {
        call("suggestReply " + conversationId, null);
        return suggestedReply;
    }

    @Override
    public Message sendMessage(OutgoingMessage message) {
        call("sendMessage", message);
        sentCount++;
        return new Message("sent-" + sentCount, message.conversationId(), MessageFrom.HUMAN, "text",
                message.content(), "sent", null, TestData.NOW, null);
    }

    @Override
    public void simulate(SimulatedInbound inbound) {
        call("simulate", inbound);
    }

    @Override
    public RejectedWebhooks rejectedWebhooks() {
        call("rejectedWebhooks", null);
        return rejectedWebhooks;
    }

    @Override
    public EventSubscription subscribe(BackendEventListener eventListener) {
        calls.add("subscribe");
        listener = eventListener;
        return () -> calls.add("unsubscribe");
    }

    private Conversation withMode(String id, ConversationMode mode) {
        Conversation c = conversations.stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
        Conversation changed = new Conversation(c.id(), c.leadId(), c.leadName(), c.leadPhone(), c.stage(),
                c.intentLevel(), c.userSentiment(), mode, c.needsAttention(), c.attentionReason(), c.simulated(),
                c.rollingSummary(), c.lastMessage(), c.lastMessageAt(), c.updatedAt());
        conversations.replaceAll(x -> x.id().equals(id) ? changed : x);
        return changed;
    }
}
