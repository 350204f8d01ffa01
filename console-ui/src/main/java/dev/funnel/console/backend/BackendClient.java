package dev.funnel.console.backend;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything the console asks of a Funnel backend, embedded or remote alike. Calls block and
 * throw {@link BackendException} with a message for the user; ViewModels run them through a
 * TaskExecutor. A successful login or sign-up keeps the access token in this client (memory only)
 * and every later call sends it.
 */
public interface BackendClient {

    URI baseUri();

    void health();

    SetupStatus setupStatus();

    AuthResult createOrganisation(NewOrganisation request);

    AuthResult login(Credentials credentials);

    Me me();

    // --- dashboard and prompts ---

    DashboardStats dashboardStats();

    /** {@code from} and {@code to} both null: the backend's default, the organisation's last 30 days. */
    AnalyticsReport analytics(LocalDate from, LocalDate to);

    Prompt prompt(PromptStep step);

    /** Admins only (403 otherwise); a text with unknown variables is refused with a 400 saying which. */
    Prompt savePrompt(PromptStep step, String text);

    /** Back to the default text (admins only); answers the prompt now in use. */
    Prompt resetPrompt(PromptStep step);

    WhatsAppSettings whatsAppSettings();

    WhatsAppSettings saveWhatsAppSettings(WhatsAppSettingsUpdate update);

    void disconnectWhatsApp();

    LlmSettings llmSettings();

    LlmSettings saveLlmSettings(LlmSettingsUpdate update);

    // --- organisation settings, users, CTAs ---

    /** The invite code is there for admins only. */
    OrganisationSettings organisationSettings();

    /** Admins only. */
    OrganisationSettings saveOrganisationSettings(OrganisationSettingsUpdate update);

    /** Admins only; the old code stops working. */
    InviteCode newInviteCode();

    /** Oldest account first. */
    List<TeamMember> teamMembers();

    /** Admins only; the organisation keeps one active admin (409 otherwise). */
    TeamMember changeTeamMember(String userId, TeamMemberChange change);

    /** Admins only; not one's own account nor the last active admin (409). */
    void deleteTeamMember(String userId);

    /** By name. */
    List<Cta> ctas();

    Cta createCta(CtaInput input);

    Cta updateCta(String ctaId, CtaInput input);

    void deleteCta(String ctaId);

    /** Newest activity first. */
    List<Conversation> conversations(ConversationFilter filter);

    /** Oldest first. */
    List<Message> messages(String conversationId);

    // --- lead side panel ---

    Lead lead(String leadId);

    /** The conversation's follow-ups and ghost checks, pending and past, newest first. */
    List<Followup> followups(String conversationId);

    /** Only a pending one; answers it cancelled (409 when it is no longer pending). */
    Followup cancelFollowup(String followupId);

    Conversation takeover(String conversationId);

    Conversation release(String conversationId);

    // --- trace and copilot ---

    /** A bot turn's recorded trace; {@code turnId} is a bot reply's {@link Message#turnId()}. */
    Turn turn(String conversationId, String turnId);

    /** Runs the turn again with the current prompts; nothing is sent. */
    Replay replayTurn(String conversationId, String turnId);

    /** A draft reply for the person holding the conversation; nothing is sent. */
    DryRun suggestReply(String conversationId);

    Message sendMessage(OutgoingMessage message);

    // --- templates ---

    /** The organisation's templates, by name and language. */
    List<Template> templates();

    /** Stored as a DRAFT; a 400 names every bad field ({@link BackendException#fields()}). */
    Template createTemplate(TemplateDraft draft);

    /** Only a DRAFT or REJECTED template can change. */
    Template updateTemplate(String templateId, TemplateDraft draft);

    /** Deleted at Meta first when Meta has it. */
    void deleteTemplate(String templateId);

    /** Sent to Meta for review; usually comes back PENDING. */
    Template submitTemplate(String templateId);

    /** Meta's current status (and rejection reason). */
    Template refreshTemplate(String templateId);

    /** Brings in Meta's list of the business account's templates. */
    TemplateSync syncTemplates();

    /** An approved template to the lead, e.g. once the 24-hour window has closed. */
    Message sendTemplate(OutgoingTemplateMessage message);

    void simulate(SimulatedInbound inbound);

    /** The newest webhooks the backend kept because it could not use them. */
    RejectedWebhooks rejectedWebhooks();

    // --- leads ---

    /** A page of the leads matching the filter, the most recently changed first. */
    LeadPage leads(LeadFilter filter, int limit, int offset);

    Lead createLead(NewLead lead);

    /** Changes the fields {@code changes} names; a 400 names the bad ones in {@link BackendException#fields()}. */
    Lead updateLead(String leadId, LeadChanges changes);

    void deleteLead(String leadId);

    /** Sends a CSV file (header row with a phone column) as one request; each row stands on its own. */
    LeadImportResult importLeads(byte[] csv);

    /** The leads matching the filter as the backend's CSV file (simulated leads left out). */
    byte[] exportLeads(LeadFilter filter);

    /** Opens the live event stream; it reconnects by itself until closed. */
    EventSubscription subscribe(BackendEventListener listener);

    // --- knowledge base ---

    /** Newest first. */
    List<KnowledgeDocument> knowledgeDocuments();

    /**
     * Admins only. Sends one file as it is; answers the document "indexing": the backend indexes it in the
     * background and says when it is done with a {@link BackendEvent.KnowledgeDocumentUpdated} event.
     *
     * @param contentType application/pdf, text/markdown or text/plain
     */
    KnowledgeDocument uploadKnowledgeDocument(String name, String contentType, byte[] content);

    /** Admins only; its chunks go with it. */
    void deleteKnowledgeDocument(String documentId);

    /** Admins only; answers the document "indexing" again. */
    KnowledgeDocument reindexKnowledgeDocument(String documentId);

    /** The chunks closest to the question, best first; {@code limit} 1 to 20. */
    List<KnowledgeHit> searchKnowledge(String question, int limit);

    KnowledgeStatus knowledgeStatus();

    // --- chat: unread badge, media ---

    /** A person opened the chat: the team has seen its lead messages. Answers it with nothing unread. */
    Conversation markRead(String conversationId);

    /** The bytes of a lead's image, sticker, voice note, video or document (a message with a media id). */
    byte[] media(String messageId);
}
