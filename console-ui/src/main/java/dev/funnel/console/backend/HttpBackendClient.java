package dev.funnel.console.backend;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** {@link BackendClient} over the backend's HTTP + WebSocket API, using the JDK's own HTTP client. */
public final class HttpBackendClient implements BackendClient {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = ApiJson.MAPPER;
    private static final int REJECTED_WEBHOOKS_LIMIT = 100;
    /** The most accounts /users gives in one page. */
    private static final int TEAM_LIMIT = 500;

    private final URI baseUri;
    private final HttpClient http;
    private volatile String accessToken;

    public HttpBackendClient(URI baseUri, HttpClient http) {
        this.baseUri = withoutTrailingSlash(baseUri);
        this.http = http;
    }

    public static HttpBackendClient create(URI baseUri) {
        return new HttpBackendClient(baseUri, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
    }

    @Override
    public URI baseUri() {
        return baseUri;
    }

    @Override
    public void health() {
        call("GET", "/health", null, JsonNode.class, false);
    }

    @Override
    public SetupStatus setupStatus() {
        return call("GET", "/auth/setup-status", null, SetupStatus.class, false);
    }

    @Override
    public AuthResult createOrganisation(NewOrganisation request) {
        return remember(call("POST", "/auth/signup/create-org", request, AuthResult.class, false));
    }

    @Override
    public AuthResult login(Credentials credentials) {
        return remember(call("POST", "/auth/login", credentials, AuthResult.class, false));
    }

    @Override
    public Me me() {
        return call("GET", "/auth/me", null, Me.class, true);
    }

    // --- dashboard and prompts ---

    @Override
    public DashboardStats dashboardStats() {
        return call("GET", "/dashboard/stats", null, DashboardStats.class, true);
    }

    @Override
    public AnalyticsReport analytics(LocalDate from, LocalDate to) {
        List<String> query = new ArrayList<>();
        if (from != null) {
            query.add("from=" + from);
        }
        if (to != null) {
            query.add("to=" + to);
        }
        String path = "/analytics" + (query.isEmpty() ? "" : "?" + String.join("&", query));
        return call("GET", path, null, AnalyticsReport.class, true);
    }

    @Override
    public Prompt prompt(PromptStep step) {
        return call("GET", "/prompts/" + step.id(), null, Prompt.class, true);
    }

    @Override
    public Prompt savePrompt(PromptStep step, String text) {
        return call("PUT", "/prompts/" + step.id(), new PromptUpdate(text), Prompt.class, true);
    }

    @Override
    public Prompt resetPrompt(PromptStep step) {
        return call("DELETE", "/prompts/" + step.id(), null, Prompt.class, true);
    }

    @Override
    public WhatsAppSettings whatsAppSettings() {
        return call("GET", "/settings/whatsapp", null, WhatsAppSettings.class, true);
    }

    @Override
    public WhatsAppSettings saveWhatsAppSettings(WhatsAppSettingsUpdate update) {
        return call("PUT", "/settings/whatsapp", update, WhatsAppSettings.class, true);
    }

    @Override
    public void disconnectWhatsApp() {
        call("DELETE", "/settings/whatsapp", null, Void.class, true);
    }

    @Override
    public LlmSettings llmSettings() {
        return call("GET", "/settings/llm", null, LlmSettings.class, true);
    }

    @Override
    public LlmSettings saveLlmSettings(LlmSettingsUpdate update) {
        return call("PUT", "/settings/llm", update, LlmSettings.class, true);
    }

    // --- organisation settings, users, CTAs ---

    @Override
    public OrganisationSettings organisationSettings() {
        return call("GET", "/organisation", null, OrganisationSettings.class, true);
    }

    @Override
    public OrganisationSettings saveOrganisationSettings(OrganisationSettingsUpdate update) {
        return call("PATCH", "/organisation", update, OrganisationSettings.class, true);
    }

    @Override
    public InviteCode newInviteCode() {
        return call("POST", "/organisation/invite-code", null, InviteCode.class, true);
    }

    @Override
    public List<TeamMember> teamMembers() {
        return call("GET", "/users?limit=" + TEAM_LIMIT, null, listOf(TeamMember.class), true);
    }

    @Override
    public TeamMember changeTeamMember(String userId, TeamMemberChange change) {
        return call("PATCH", "/users/" + segment(userId), change, TeamMember.class, true);
    }

    @Override
    public void deleteTeamMember(String userId) {
        call("DELETE", "/users/" + segment(userId), null, Void.class, true);
    }

    @Override
    public List<Cta> ctas() {
        return call("GET", "/ctas", null, listOf(Cta.class), true);
    }

    @Override
    public Cta createCta(CtaInput input) {
        return call("POST", "/ctas", input, Cta.class, true);
    }

    @Override
    public Cta updateCta(String ctaId, CtaInput input) {
        return call("PATCH", "/ctas/" + segment(ctaId), input, Cta.class, true);
    }

    @Override
    public void deleteCta(String ctaId) {
        call("DELETE", "/ctas/" + segment(ctaId), null, Void.class, true);
    }

    @Override
    public List<Conversation> conversations(ConversationFilter filter) {
        List<String> query = new ArrayList<>();
        if (filter.mode() != null) {
            query.add("mode=" + filter.mode().name().toLowerCase());
        }
        if (filter.needsAttention() != null) {
            query.add("needs_attention=" + filter.needsAttention());
        }
        String path = "/conversations" + (query.isEmpty() ? "" : "?" + String.join("&", query));
        return call("GET", path, null, listOf(Conversation.class), true);
    }

    @Override
    public List<Message> messages(String conversationId) {
        return call("GET", "/conversations/" + segment(conversationId) + "/messages", null, listOf(Message.class), true);
    }

    // --- lead side panel ---

    @Override
    public Lead lead(String leadId) {
        return call("GET", "/leads/" + segment(leadId), null, Lead.class, true);
    }

    @Override
    public List<Followup> followups(String conversationId) {
        return call("GET", "/conversations/" + segment(conversationId) + "/followups", null, listOf(Followup.class),
                true);
    }

    @Override
    public Followup cancelFollowup(String followupId) {
        return call("POST", "/followups/" + segment(followupId) + "/cancel", null, Followup.class, true);
    }

    @Override
    public Conversation takeover(String conversationId) {
        return call("POST", "/conversations/" + segment(conversationId) + "/takeover", null, Conversation.class, true);
    }

    @Override
    public Conversation release(String conversationId) {
        return call("POST", "/conversations/" + segment(conversationId) + "/release", null, Conversation.class, true);
    }

    // --- trace and copilot ---

    @Override
    public Turn turn(String conversationId, String turnId) {
        return call("GET", "/conversations/" + segment(conversationId) + "/turns/" + segment(turnId), null,
                Turn.class, true);
    }

    @Override
    public Replay replayTurn(String conversationId, String turnId) {
        return call("POST", "/conversations/" + segment(conversationId) + "/turns/" + segment(turnId) + "/replay",
                null, Replay.class, true);
    }

    @Override
    public DryRun suggestReply(String conversationId) {
        return call("POST", "/conversations/" + segment(conversationId) + "/suggest-reply", null, DryRun.class,
                true);
    }

    @Override
    public Message sendMessage(OutgoingMessage message) {
        return call("POST", "/messages/send", message, Message.class, true);
    }

    // --- templates ---

    @Override
    public List<Template> templates() {
        return call("GET", "/templates", null, listOf(Template.class), true);
    }

    @Override
    public Template createTemplate(TemplateDraft draft) {
        return call("POST", "/templates", draft, Template.class, true);
    }

    @Override
    public Template updateTemplate(String templateId, TemplateDraft draft) {
        return call("PATCH", "/templates/" + segment(templateId), draft, Template.class, true);
    }

    @Override
    public void deleteTemplate(String templateId) {
        call("DELETE", "/templates/" + segment(templateId), null, Void.class, true);
    }

    @Override
    public Template submitTemplate(String templateId) {
        return call("POST", "/templates/" + segment(templateId) + "/submit", null, Template.class, true);
    }

    @Override
    public Template refreshTemplate(String templateId) {
        return call("POST", "/templates/" + segment(templateId) + "/refresh", null, Template.class, true);
    }

    @Override
    public TemplateSync syncTemplates() {
        return call("POST", "/templates/sync", null, TemplateSync.class, true);
    }

    @Override
    public Message sendTemplate(OutgoingTemplateMessage message) {
        return call("POST", "/messages/send", message, Message.class, true);
    }

    @Override
    public void simulate(SimulatedInbound inbound) {
        call("POST", "/debug/simulate", inbound, JsonNode.class, true);
    }

    @Override
    public RejectedWebhooks rejectedWebhooks() {
        return call("GET", "/webhooks/rejected?limit=" + REJECTED_WEBHOOKS_LIMIT, null, RejectedWebhooks.class, true);
    }

    // --- leads ---

    @Override
    public LeadPage leads(LeadFilter filter, int limit, int offset) {
        List<String> query = leadQuery(filter);
        query.add("limit=" + limit);
        query.add("offset=" + offset);
        return call("GET", "/leads?" + String.join("&", query), null, LeadPage.class, true);
    }

    @Override
    public Lead createLead(NewLead lead) {
        return call("POST", "/leads", lead, Lead.class, true);
    }

    @Override
    public Lead updateLead(String leadId, LeadChanges changes) {
        return call("PATCH", "/leads/" + segment(leadId), changes, Lead.class, true);
    }

    @Override
    public void deleteLead(String leadId) {
        call("DELETE", "/leads/" + segment(leadId), null, Void.class, true);
    }

    @Override
    public LeadImportResult importLeads(byte[] csv) {
        HttpResponse<byte[]> response = exchange("POST", "/leads/import", HttpRequest.BodyPublishers.ofByteArray(csv),
                "text/csv; charset=utf-8", "application/json", true);
        return read(response, "/leads/import", JSON.constructType(LeadImportResult.class));
    }

    @Override
    public byte[] exportLeads(LeadFilter filter) {
        List<String> query = leadQuery(filter);
        String path = "/leads/export" + (query.isEmpty() ? "" : "?" + String.join("&", query));
        return exchange("GET", path, HttpRequest.BodyPublishers.noBody(), null, "text/csv", true).body();
    }

    /** The filter's non-blank parts as encoded "name=value" query parameters. */
    private static List<String> leadQuery(LeadFilter filter) {
        List<String> query = new ArrayList<>();
        addParam(query, "stage", filter.stage());
        addParam(query, "intent_level", filter.intentLevel());
        addParam(query, "sentiment", filter.sentiment());
        addParam(query, "q", filter.q());
        return query;
    }

    private static void addParam(List<String> query, String name, String value) {
        if (value != null && !value.isBlank()) {
            query.add(name + "=" + queryValue(value.strip()));
        }
    }

    private static String queryValue(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public EventSubscription subscribe(BackendEventListener listener) {
        String scheme = "https".equalsIgnoreCase(baseUri.getScheme()) ? "wss" : "ws";
        String token = URLEncoder.encode(requireToken(), StandardCharsets.UTF_8);
        URI ws = URI.create(scheme + "://" + baseUri.getRawAuthority() + rawPath() + "/ws?token=" + token);
        return WebSocketEventStream.open(http, ws, listener);
    }

    // --- knowledge base ---

    @Override
    public List<KnowledgeDocument> knowledgeDocuments() {
        return call("GET", "/knowledge/documents", null, listOf(KnowledgeDocument.class), true);
    }

    @Override
    public KnowledgeDocument uploadKnowledgeDocument(String name, String contentType, byte[] content) {
        String path = "/knowledge/documents?name=" + queryValue(name);
        HttpResponse<byte[]> response = exchange("POST", path, HttpRequest.BodyPublishers.ofByteArray(content),
                contentType, "application/json", true);
        return read(response, path, JSON.constructType(KnowledgeDocument.class));
    }

    @Override
    public void deleteKnowledgeDocument(String documentId) {
        call("DELETE", "/knowledge/documents/" + segment(documentId), null, Void.class, true);
    }

    @Override
    public KnowledgeDocument reindexKnowledgeDocument(String documentId) {
        return call("POST", "/knowledge/documents/" + segment(documentId) + "/reindex", null,
                KnowledgeDocument.class, true);
    }

    @Override
    public List<KnowledgeHit> searchKnowledge(String question, int limit) {
        return call("GET", "/knowledge/search?q=" + queryValue(question) + "&limit=" + limit, null,
                listOf(KnowledgeHit.class), true);
    }

    @Override
    public KnowledgeStatus knowledgeStatus() {
        return call("GET", "/knowledge/status", null, KnowledgeStatus.class, true);
    }

    private AuthResult remember(AuthResult result) {
        accessToken = result.accessToken();
        return result;
    }

    private <T> T call(String method, String path, Object body, Class<T> type, boolean authenticated) {
        return call(method, path, body, JSON.constructType(type), authenticated);
    }

    private <T> T call(String method, String path, Object body, JavaType type, boolean authenticated) {
        HttpResponse<byte[]> response = exchange(method, path, bodyOf(body), body == null ? null : "application/json",
                "application/json", authenticated);
        if (type.getRawClass() == Void.class || response.body().length == 0) {
            return null;
        }
        return read(response, path, type);
    }

    private <T> T read(HttpResponse<byte[]> response, String path, JavaType type) {
        try {
            return JSON.readValue(response.body(), type);
        } catch (IOException e) {
            throw new BackendException(response.statusCode(),
                    "The server at " + baseUri + " sent an answer this console does not understand (" + path + ").");
        }
    }

    private HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (ConnectException e) {
            throw new BackendException("Cannot reach the server at " + baseUri + ". Is it running?", e);
        } catch (HttpTimeoutException e) {
            throw new BackendException("The server at " + baseUri + " did not answer in time.", e);
        } catch (IOException e) {
            throw new BackendException("Lost the connection to " + baseUri + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackendException("Cancelled.", e);
        }
    }

    /** Sends the request; an answer of 400 or more becomes a {@link BackendException}. */
    private HttpResponse<byte[]> exchange(String method, String path, HttpRequest.BodyPublisher body,
                                          String contentType, String accept, boolean authenticated) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUri + path))
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", accept)
                .method(method, body);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (authenticated) {
            request.header("Authorization", "Bearer " + requireToken());
        }
        HttpResponse<byte[]> response = send(request.build());
        if (response.statusCode() >= 400) {
            throw failure(response);
        }
        return response;
    }

    /** The backend's {"error": "...", "fields": [...]}; otherwise a sentence naming the status. */
    private static BackendException failure(HttpResponse<byte[]> response) {
        try {
            JsonNode body = JSON.readTree(response.body());
            JsonNode error = body.path("error");
            if (error.isTextual() && !error.asText().isBlank()) {
                List<String> fields = new ArrayList<>();
                body.path("fields").forEach(field -> fields.add(field.asText()));
                return new BackendException(response.statusCode(), error.asText(), fields);
            }
        } catch (IOException notJson) {
            // fall through to the generic text
        }
        return new BackendException(response.statusCode(),
                "The server answered with HTTP status " + response.statusCode() + ".");
    }

    private static HttpRequest.BodyPublisher bodyOf(Object body) {
        if (body == null) {
            return HttpRequest.BodyPublishers.noBody();
        }
        try {
            return HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write request body " + body, e);
        }
    }

    private String requireToken() {
        String token = accessToken;
        if (token == null) {
            throw new BackendException(401, "Please sign in first.");
        }
        return token;
    }

    private static JavaType listOf(Class<?> element) {
        return JSON.getTypeFactory().constructCollectionType(List.class, element);
    }

    private static String segment(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8);
    }

    private String rawPath() {
        return baseUri.getRawPath() == null ? "" : baseUri.getRawPath();
    }

    private static URI withoutTrailingSlash(URI uri) {
        String text = uri.toString();
        return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : uri;
    }

    // --- chat: unread badge, media ---

    @Override
    public Conversation markRead(String conversationId) {
        return call("POST", "/conversations/" + segment(conversationId) + "/read", null, Conversation.class, true);
    }

    @Override
    public byte[] media(String messageId) {
        return exchange("GET", "/media/" + segment(messageId), HttpRequest.BodyPublishers.noBody(), null, "*/*", true)
                .body();
    }
}
