package dev.funnel.console.backend;

import java.net.URI;
import java.nio.charset.StandardCharsets;
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
    public BackendEventListener listener;
    private BackendException nextFailure;
    private int sentCount;

    public void failNext(int status, String message) {
        failNext(new BackendException(status, message));
    }

    public void failNext(BackendException failure) {
        nextFailure = failure;
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

    @Override
    public void simulate(SimulatedInbound inbound) {
        call("simulate", inbound);
    }

    @Override
    public RejectedWebhooks rejectedWebhooks() {
        call("rejectedWebhooks", null);
        return rejectedWebhooks;
    }

    // --- leads ---

    /** The organisation's leads, most recently changed first; listing filters and pages them like the backend. */
    public List<Lead> leads = new ArrayList<>();
    public LeadImportResult importResult = new LeadImportResult(0, 0, 0, List.of());
    public byte[] exportCsv = new byte[0];
    public LeadFilter lastLeadFilter;
    private int createdLeads;

    @Override
    public LeadPage leads(LeadFilter filter, int limit, int offset) {
        call("leads " + limit + "@" + offset, filter);
        lastLeadFilter = filter;
        List<Lead> matching = leads.stream().filter(lead -> matches(lead, filter)).toList();
        return new LeadPage(matching.stream().skip(offset).limit(limit).toList(), matching.size(), limit, offset);
    }

    @Override
    public Lead createLead(NewLead lead) {
        call("createLead", lead);
        createdLeads++;
        Lead created = new Lead("new-lead-" + createdLeads, lead.phone(), lead.name(), lead.email(), lead.company(),
                "greeting", "unknown", "neutral", false, null, TestData.NOW, TestData.NOW);
        leads.addFirst(created);
        return created;
    }

    @Override
    public Lead updateLead(String leadId, LeadChanges changes) {
        call("updateLead " + leadId, changes);
        Lead old = leads.stream().filter(lead -> lead.id().equals(leadId)).findFirst().orElseThrow();
        Lead changed = new Lead(old.id(), old.phone(), or(changes.name(), old.name()), or(changes.email(), old.email()),
                or(changes.company(), old.company()), or(changes.stage(), old.stage()),
                or(changes.intentLevel(), old.intentLevel()), or(changes.sentiment(), old.sentiment()), old.simulated(),
                old.conversationId(), old.createdAt(), TestData.NOW);
        leads.replaceAll(lead -> lead.id().equals(leadId) ? changed : lead);
        return changed;
    }

    @Override
    public void deleteLead(String leadId) {
        call("deleteLead " + leadId, null);
        leads.removeIf(lead -> lead.id().equals(leadId));
    }

    @Override
    public LeadImportResult importLeads(byte[] csv) {
        call("importLeads", new String(csv, StandardCharsets.UTF_8));
        return importResult;
    }

    @Override
    public byte[] exportLeads(LeadFilter filter) {
        call("exportLeads", filter);
        return exportCsv.clone();
    }

    private static boolean matches(Lead lead, LeadFilter filter) {
        String q = filter.q() == null ? "" : filter.q().strip().toLowerCase();
        return (filter.stage() == null || filter.stage().equals(lead.stage()))
                && (filter.intentLevel() == null || filter.intentLevel().equals(lead.intentLevel()))
                && (filter.sentiment() == null || filter.sentiment().equals(lead.sentiment()))
                && (q.isEmpty() || (lead.phone() + " " + lead.name() + " " + lead.email() + " " + lead.company())
                        .toLowerCase().contains(q));
    }

    private static String or(String change, String old) {
        return change == null ? old : change.isEmpty() ? null : change;
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
