package dev.funnel.console.backend;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
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
    public Map<String, Turn> turns = new HashMap<>();
    public Replay replay;
    public DryRun suggestedReply;
    public BackendEventListener listener;
    /** What {@link #media} answers, by message id. */
    public Map<String, byte[]> mediaByMessage = new HashMap<>();
    private BackendException nextFailure;
    private int sentCount;

    public void failNext(int status, String message) {
        failNext(new BackendException(status, message));
    }

    public void failNext(BackendException failure) {
        nextFailure = failure;
    }

    /** The next call fails with a 400 naming {@code fields}, as the backend's Fields does. */
    public void failNextWithFields(String message, String... fields) {
        nextFailure = new BackendException(400, message, List.of(fields));
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

    // --- dashboard and prompts ---

    public DashboardStats dashboardStats = DashboardTestData.stats();
    public AnalyticsReport analyticsReport = DashboardTestData.report();
    public final Map<PromptStep, Prompt> prompts = new EnumMap<>(PromptStep.class);
    public final Map<PromptStep, Prompt> defaultPrompts = new EnumMap<>(PromptStep.class);
    private int promptRevisions;

    {
        for (PromptStep step : PromptStep.values()) {
            defaultPrompts.put(step, DashboardTestData.defaultPrompt(step));
        }
        prompts.putAll(defaultPrompts);
    }

    @Override
    public DashboardStats dashboardStats() {
        call("dashboardStats", null);
        return dashboardStats;
    }

    @Override
    public AnalyticsReport analytics(LocalDate from, LocalDate to) {
        call("analytics " + from + " " + to, null);
        return analyticsReport;
    }

    @Override
    public Prompt prompt(PromptStep step) {
        call("prompt " + step.id(), null);
        return prompts.get(step);
    }

    @Override
    public Prompt savePrompt(PromptStep step, String text) {
        call("savePrompt " + step.id(), new PromptUpdate(text));
        Prompt old = prompts.get(step);
        Prompt saved = new Prompt(step.id(), text, true, "org-" + ++promptRevisions, TestData.NOW, old.variables());
        prompts.put(step, saved);
        return saved;
    }

    @Override
    public Prompt resetPrompt(PromptStep step) {
        call("resetPrompt " + step.id(), null);
        prompts.put(step, defaultPrompts.get(step));
        return prompts.get(step);
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

    // --- organisation settings, users, CTAs ---

    public OrganisationSettings organisation = TestData.organisationSettings();
    public List<TeamMember> team = new ArrayList<>();
    public List<Cta> ctaList = new ArrayList<>();
    private int inviteCodes;
    private int ctaCount;

    @Override
    public OrganisationSettings organisationSettings() {
        call("organisationSettings", null);
        return organisation;
    }

    @Override
    public OrganisationSettings saveOrganisationSettings(OrganisationSettingsUpdate u) {
        call("saveOrganisationSettings", u);
        organisation = new OrganisationSettings(organisation.id(), u.name(), u.businessProfile(), u.salesPlaybook(),
                u.tone(), u.timeZone(), u.quietHoursStart(), u.quietHoursEnd(), u.maxFollowups24h(),
                u.maxFollowupsTotal(), u.maxWords(), u.minConfidence(),
                u.followupCadenceMinutes().stream().sorted().toList(), u.ghostedAfterHours(), organisation.inviteCode(),
                u.followupTemplate());
        return organisation;
    }

    @Override
    public InviteCode newInviteCode() {
        call("newInviteCode", null);
        inviteCodes++;
        return new InviteCode("%024x".formatted(inviteCodes));
    }

    @Override
    public List<TeamMember> teamMembers() {
        call("teamMembers", null);
        return List.copyOf(team);
    }

    @Override
    public TeamMember changeTeamMember(String userId, TeamMemberChange change) {
        call("changeTeamMember " + userId, change);
        TeamMember m = team.stream().filter(x -> x.id().equals(userId)).findFirst().orElseThrow();
        TeamMember changed = new TeamMember(m.id(), m.name(), m.email(),
                change.role() == null ? m.role() : change.role(),
                change.isActive() == null ? m.isActive() : change.isActive(), m.lastLoginAt(), m.createdAt());
        team.replaceAll(x -> x.id().equals(userId) ? changed : x);
        return changed;
    }

    @Override
    public void deleteTeamMember(String userId) {
        call("deleteTeamMember " + userId, null);
        team.removeIf(x -> x.id().equals(userId));
    }

    @Override
    public List<Cta> ctas() {
        call("ctas", null);
        return List.copyOf(ctaList);
    }

    @Override
    public Cta createCta(CtaInput input) {
        call("createCta", input);
        ctaCount++;
        Cta created = new Cta("cta-" + ctaCount, input.name(), input.ctaType(), input.description(), input.url(),
                input.isActive());
        ctaList.add(created);
        return created;
    }

    @Override
    public Cta updateCta(String ctaId, CtaInput input) {
        call("updateCta " + ctaId, input);
        Cta changed = new Cta(ctaId, input.name(), input.ctaType(), input.description(), input.url(), input.isActive());
        ctaList.replaceAll(x -> x.id().equals(ctaId) ? changed : x);
        return changed;
    }

    @Override
    public void deleteCta(String ctaId) {
        call("deleteCta " + ctaId, null);
        ctaList.removeIf(x -> x.id().equals(ctaId));
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

    // --- lead side panel ---

    public Map<String, List<Followup>> followupsByConversation = new HashMap<>();

    @Override
    public Lead lead(String leadId) {
        call("lead " + leadId, null);
        return leads.stream().filter(lead -> lead.id().equals(leadId)).findFirst()
                .orElseThrow(() -> new BackendException(404, "Lead not found"));
    }

    @Override
    public List<Followup> followups(String conversationId) {
        call("followups " + conversationId, null);
        return List.copyOf(followupsByConversation.getOrDefault(conversationId, List.of()));
    }

    @Override
    public Followup cancelFollowup(String followupId) {
        call("cancelFollowup " + followupId, null);
        for (List<Followup> followups : followupsByConversation.values()) {
            for (int i = 0; i < followups.size(); i++) {
                Followup old = followups.get(i);
                if (old.id().equals(followupId)) {
                    Followup cancelled = new Followup(old.id(), old.type(), old.scheduledAt(), "cancelled",
                            "Cancelled by Sam", null);
                    followups.set(i, cancelled);
                    return cancelled;
                }
            }
        }
        throw new BackendException(404, "Follow-up not found");
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
                "template " + message.template().id(), "sent", null, TestData.NOW, null);
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
                c.rollingSummary(), c.lastMessage(), c.lastMessageAt(), c.updatedAt(), c.lastUserMessageAt(),
                c.unreadCount());
        conversations.replaceAll(x -> x.id().equals(id) ? changed : x);
        return changed;
    }

    // --- knowledge base ---

    /** The organisation's documents, newest first. */
    public List<KnowledgeDocument> knowledgeDocuments = new ArrayList<>();
    public List<KnowledgeHit> knowledgeHits = new ArrayList<>();
    public KnowledgeStatus knowledgeStatus = new KnowledgeStatus("all-minilm-l6-v2-q (offline)", 384, "portable", 0, 0);
    /** The bytes of each upload, by file name. */
    public final Map<String, byte[]> uploadedContent = new HashMap<>();
    private final Map<String, BackendException> uploadRefusals = new HashMap<>();
    private int uploads;

    /** The upload of this file name fails with the backend's answer, whenever in a batch it comes. */
    public void refuseUpload(String name, int status, String message) {
        uploadRefusals.put(name, new BackendException(status, message));
    }

    @Override
    public List<KnowledgeDocument> knowledgeDocuments() {
        call("knowledgeDocuments", null);
        return List.copyOf(knowledgeDocuments);
    }

    @Override
    public KnowledgeDocument uploadKnowledgeDocument(String name, String contentType, byte[] content) {
        call("uploadKnowledgeDocument " + name + " " + contentType, null);
        if (uploadRefusals.containsKey(name)) {
            throw uploadRefusals.get(name);
        }
        uploadedContent.put(name, content.clone());
        uploads++;
        KnowledgeDocument created = new KnowledgeDocument("doc-" + uploads, name, contentType, content.length,
                KnowledgeDocument.INDEXING, 0, null, null, TestData.NOW, null);
        knowledgeDocuments.addFirst(created);
        return created;
    }

    @Override
    public void deleteKnowledgeDocument(String documentId) {
        call("deleteKnowledgeDocument " + documentId, null);
        knowledgeDocuments.removeIf(d -> d.id().equals(documentId));
    }

    @Override
    public KnowledgeDocument reindexKnowledgeDocument(String documentId) {
        call("reindexKnowledgeDocument " + documentId, null);
        KnowledgeDocument d = knowledgeDocuments.stream().filter(x -> x.id().equals(documentId)).findFirst()
                .orElseThrow(() -> new BackendException(404, "Knowledge document not found"));
        KnowledgeDocument indexing = new KnowledgeDocument(d.id(), d.name(), d.contentType(), d.sizeBytes(),
                KnowledgeDocument.INDEXING, 0, d.pages(), null, d.createdAt(), null);
        knowledgeDocuments.replaceAll(x -> x.id().equals(documentId) ? indexing : x);
        return indexing;
    }

    @Override
    public List<KnowledgeHit> searchKnowledge(String question, int limit) {
        call("searchKnowledge " + question + " " + limit, null);
        return knowledgeHits.stream().limit(limit).toList();
    }

    @Override
    public KnowledgeStatus knowledgeStatus() {
        call("knowledgeStatus", null);
        return knowledgeStatus;
    }

    // --- chat: unread badge, media ---

    @Override
    public Conversation markRead(String conversationId) {
        call("markRead " + conversationId, null);
        Conversation read = conversations.stream().filter(c -> c.id().equals(conversationId)).findFirst()
                .orElseThrow(() -> new BackendException(404, "Conversation not found")).read();
        conversations.replaceAll(c -> c.id().equals(conversationId) ? read : c);
        return read;
    }

    @Override
    public byte[] media(String messageId) {
        call("media " + messageId, null);
        byte[] bytes = mediaByMessage.get(messageId);
        if (bytes == null) {
            throw new BackendException(404, "Media of this message not found");
        }
        return bytes;
    }
}
