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

    // --- trace and copilot ---

    /** A bot turn's recorded trace; {@code turnId} is a bot reply's {@link Message#turnId()}. */
    Turn turn(String conversationId, String turnId);

    /** Runs the turn again with the current prompts; nothing is sent. */
    Replay replayTurn(String conversationId, String turnId);

    /** A draft reply for the person holding the conversation; nothing is sent. */
    DryRun suggestReply(String conversationId);

    Message sendMessage(OutgoingMessage message);

    void simulate(SimulatedInbound inbound);

    /** The newest webhooks the backend kept because it could not use them. */
    RejectedWebhooks rejectedWebhooks();

    /** Opens the live event stream; it reconnects by itself until closed. */
    EventSubscription subscribe(BackendEventListener listener);
}
