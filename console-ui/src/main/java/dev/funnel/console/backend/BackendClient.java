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
}
