package dev.funnel.console.backend;

import java.net.URI;
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

    WhatsAppSettings whatsAppSettings();

    WhatsAppSettings saveWhatsAppSettings(WhatsAppSettingsUpdate update);

    void disconnectWhatsApp();

    LlmSettings llmSettings();

    LlmSettings saveLlmSettings(LlmSettingsUpdate update);

    /** Newest activity first. */
    List<Conversation> conversations(ConversationFilter filter);

    /** Oldest first. */
    List<Message> messages(String conversationId);

    Conversation takeover(String conversationId);

    Conversation release(String conversationId);

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

    /** Opens the live event stream; it reconnects by itself until closed. */
    EventSubscription subscribe(BackendEventListener listener);
}
