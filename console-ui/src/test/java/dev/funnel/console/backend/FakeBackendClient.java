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
    public List<Template> templates = new ArrayList<>();
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

    @Override
    public Message sendMessage(OutgoingMessage message) {
        call("sendMessage", message);
        sentCount++;
        return new Message("sent-" + sentCount, message.conversationId(), MessageFrom.HUMAN, "text",
                message.content(), "sent", null, TestData.NOW);
    }

    // --- templates ---

    /** The next call fails as a 400 naming these request fields. */
    public void failNextWithFields(String message, List<String> fields) {
        nextFailure = new BackendException(400, message, fields);
    }

    @Override
    public List<Template> templates() {
        call("templates", null);
        return List.copyOf(templates);
    }

    /** Stored as a DRAFT with the next id; its parameters counted from the {{n}} of its texts. */
    @Override
    public Template createTemplate(TemplateDraft draft) {
        call("createTemplate", draft);
        Template created = TestData.template("t" + (templates.size() + 1), draft, Template.DRAFT, null);
        templates.add(created);
        return created;
    }

    @Override
    public Template updateTemplate(String templateId, TemplateDraft draft) {
        call("updateTemplate " + templateId, draft);
        Template current = template(templateId);
        return replace(TestData.template(templateId, draft, current.status(), current.metaTemplateId()));
    }

    @Override
    public void deleteTemplate(String templateId) {
        call("deleteTemplate " + templateId, null);
        templates.removeIf(t -> t.id().equals(templateId));
    }

    @Override
    public Template submitTemplate(String templateId) {
        call("submitTemplate " + templateId, null);
        Template t = template(templateId);
        return replace(new Template(t.id(), t.name(), t.language(), t.category(), t.components(), Template.PENDING,
                null, "meta-" + t.id(), t.parameters(), t.createdAt(), t.updatedAt()));
    }

    @Override
    public Template refreshTemplate(String templateId) {
        call("refreshTemplate " + templateId, null);
        return template(templateId);
    }

    @Override
    public TemplateSync syncTemplates() {
        call("syncTemplates", null);
        return new TemplateSync(0, 0, 0, List.copyOf(templates));
    }

    @Override
    public Message sendTemplate(OutgoingTemplateMessage message) {
        call("sendTemplate", message);
        sentCount++;
        return new Message("sent-" + sentCount, message.conversationId(), MessageFrom.HUMAN, "template",
                "template " + message.template().id(), "sent", null, TestData.NOW);
    }

    private Template template(String id) {
        return templates.stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow(
                () -> new BackendException(404, "Template not found"));
    }

    private Template replace(Template changed) {
        templates.replaceAll(t -> t.id().equals(changed.id()) ? changed : t);
        return changed;
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
                c.rollingSummary(), c.lastMessage(), c.lastMessageAt(), c.updatedAt(), c.lastUserMessageAt());
        conversations.replaceAll(x -> x.id().equals(id) ? changed : x);
        return changed;
    }
}
