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
import java.util.ArrayList;
import java.util.List;

/** {@link BackendClient} over the backend's HTTP + WebSocket API, using the JDK's own HTTP client. */
public final class HttpBackendClient implements BackendClient {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = ApiJson.MAPPER;
    private static final int REJECTED_WEBHOOKS_LIMIT = 100;

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

    @Override
    public void simulate(SimulatedInbound inbound) {
        call("POST", "/debug/simulate", inbound, JsonNode.class, true);
    }

    @Override
    public RejectedWebhooks rejectedWebhooks() {
        return call("GET", "/webhooks/rejected?limit=" + REJECTED_WEBHOOKS_LIMIT, null, RejectedWebhooks.class, true);
    }

    @Override
    public EventSubscription subscribe(BackendEventListener listener) {
        String scheme = "https".equalsIgnoreCase(baseUri.getScheme()) ? "wss" : "ws";
        String token = URLEncoder.encode(requireToken(), StandardCharsets.UTF_8);
        URI ws = URI.create(scheme + "://" + baseUri.getRawAuthority() + rawPath() + "/ws?token=" + token);
        return WebSocketEventStream.open(http, ws, listener);
    }

    private AuthResult remember(AuthResult result) {
        accessToken = result.accessToken();
        return result;
    }

    private <T> T call(String method, String path, Object body, Class<T> type, boolean authenticated) {
        return call(method, path, body, JSON.constructType(type), authenticated);
    }

    private <T> T call(String method, String path, Object body, JavaType type, boolean authenticated) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUri + path))
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json")
                .method(method, bodyOf(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (authenticated) {
            request.header("Authorization", "Bearer " + requireToken());
        }
        HttpResponse<byte[]> response = send(request.build());
        if (response.statusCode() >= 400) {
            throw new BackendException(response.statusCode(), errorMessage(response));
        }
        if (type.getRawClass() == Void.class || response.body().length == 0) {
            return null;
        }
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

    /** The backend's {"error": "..."} text; otherwise a sentence naming the status. */
    private static String errorMessage(HttpResponse<byte[]> response) {
        try {
            JsonNode error = JSON.readTree(response.body()).path("error");
            if (error.isTextual() && !error.asText().isBlank()) {
                return error.asText();
            }
        } catch (IOException notJson) {
            // fall through to the generic text
        }
        return "The server answered with HTTP status " + response.statusCode() + ".";
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
}
