package dev.funnel.backend.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Meta's Graph API for WhatsApp Cloud: sending messages as the organisation's number, media and the
 * number's own details; {@link GraphTemplates} manages message templates through the same calls.
 */
public final class GraphApiClient {

    /** WhatsApp refuses text longer than this. */
    public static final int MAX_TEXT_LENGTH = 4096;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI baseUrl;
    private final HttpClient http;
    private final SendRateLimiter limiter;
    private final Backoff retry;

    /** @param baseUrl the versioned Graph URL, e.g. {@code https://graph.facebook.com/v24.0} */
    public GraphApiClient(URI baseUrl, SendConfig config) {
        this.baseUrl = baseUrl;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        this.limiter = new SendRateLimiter(config.messagesPerSecond());
        this.retry = config.retry();
    }

    /**
     * Sends a text message, as a reply to {@code replyToWaId} when it is not null, and returns the
     * WhatsApp message id Meta gave it (statuses refer to it).
     *
     * @throws WhatsAppApiException when Meta refuses it (after retries) or cannot be reached
     */
    public String sendText(String phoneNumberId, String accessToken, String to, String text, String replyToWaId) {
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new IllegalArgumentException("A WhatsApp text is at most " + MAX_TEXT_LENGTH + " characters");
        }
        return send(phoneNumberId, accessToken, GraphPayloads.text(to, text, replyToWaId));
    }

    /**
     * Sends an approved template (outside the 24-hour window the only message Meta accepts) and
     * returns its WhatsApp message id.
     *
     * @throws WhatsAppApiException when Meta refuses it (after retries) or cannot be reached
     */
    public String sendTemplate(String phoneNumberId, String accessToken, String to, TemplateMessage template,
                               String replyToWaId) {
        return send(phoneNumberId, accessToken, GraphPayloads.template(to, template, replyToWaId));
    }

    /**
     * Marks the lead's message read and shows "typing…"; returns whether Meta confirmed it. Tried once:
     * it only announces the reply that follows, which must not wait for retries.
     *
     * @throws WhatsAppApiException when Meta refuses it or cannot be reached
     */
    public boolean markReadAndShowTyping(String phoneNumberId, String accessToken, String waMessageId) {
        limiter.acquire(phoneNumberId);
        return post(phoneNumberId + "/messages", accessToken, GraphPayloads.readWithTyping(waMessageId))
                .path("success").asBoolean(false);
    }

    /** Each attempt waits for the number's send rate; refusals for passing reasons are retried with backoff. */
    private String send(String phoneNumberId, String accessToken, Map<String, Object> body) {
        JsonNode response = retry.run(() -> {
            limiter.acquire(phoneNumberId);
            return post(phoneNumberId + "/messages", accessToken, body);
        });
        JsonNode id = response.path("messages").path(0).path("id");
        if (!id.isTextual()) {
            throw new WhatsAppApiException(200, null, "Meta accepted the message but returned no message id", null);
        }
        return id.asText();
    }

    /** The business number as Meta knows it. */
    public record PhoneNumber(String displayPhoneNumber, String verifiedName) {
    }

    /**
     * Looks the number up with the token: Meta answers only when the token may use this number, so
     * this is how a connection is checked before it is saved.
     *
     * @throws WhatsAppApiException when Meta refuses the token or the number id, or cannot be reached
     */
    public PhoneNumber phoneNumber(String phoneNumberId, String accessToken) {
        JsonNode number = get(uri(phoneNumberId + "?fields=display_phone_number,verified_name"), accessToken);
        return new PhoneNumber(textOrNull(number.path("display_phone_number")),
                textOrNull(number.path("verified_name")));
    }

    /** A media file of an inbound message: its bytes and type. */
    public record Media(byte[] bytes, String mimeType) {
    }

    /**
     * Downloads an inbound message's media: Meta first answers with a short-lived URL, which is then
     * fetched with the same bearer token.
     *
     * @throws WhatsAppApiException when Meta refuses, the file is gone, or it exceeds {@code maxBytes}
     */
    public Media fetchMedia(String mediaId, String accessToken, long maxBytes) {
        JsonNode meta = get(URI.create(baseUrl + "/" + mediaId), accessToken);
        String url = meta.path("url").asText("");
        if (url.isEmpty()) {
            throw new WhatsAppApiException(200, null, "Meta returned no download URL for media " + mediaId, null);
        }
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + accessToken)
                    .GET().build();
            HttpResponse<java.io.InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (java.io.InputStream in = response.body()) {
                if (response.statusCode() / 100 != 2) {
                    throw new WhatsAppApiException(response.statusCode(), null,
                            "The media download failed with HTTP " + response.statusCode(), null);
                }
                byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
                if (bytes.length > maxBytes) {
                    throw new WhatsAppApiException(200, null, "The media file is larger than " + maxBytes + " bytes",
                            null);
                }
                String mime = meta.path("mime_type").asText(response.headers().firstValue("Content-Type")
                        .orElse("application/octet-stream"));
                return new Media(bytes, mime);
            }
        } catch (IOException e) {
            throw new WhatsAppApiException(0, null, "Cannot download the media: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WhatsAppApiException(0, null, "Interrupted while downloading media", e);
        }
    }

    /** {@code pathAndQuery} below the versioned base URL, e.g. {@code "123/message_templates?limit=100"}. */
    URI uri(String pathAndQuery) {
        return URI.create(baseUrl + "/" + pathAndQuery);
    }

    /** Whether a URL Meta handed back (a paging link) points at the same Graph API, so the token may go there. */
    boolean isGraphUrl(URI uri) {
        return Objects.equals(uri.getScheme(), baseUrl.getScheme())
                && Objects.equals(uri.getRawAuthority(), baseUrl.getRawAuthority());
    }

    JsonNode get(URI uri, String accessToken) {
        return call(HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + accessToken)
                .GET().build());
    }

    JsonNode delete(URI uri, String accessToken) {
        return call(HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + accessToken)
                .DELETE().build());
    }

    JsonNode post(String path, String accessToken, Object body) {
        try {
            return call(HttpRequest.newBuilder(URI.create(baseUrl + "/" + path))
                    .timeout(Duration.ofSeconds(20))
                    .header("Authorization", "Bearer " + accessToken)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
                    .build());
        } catch (IOException e) {
            throw new IllegalArgumentException("The message cannot be written as JSON", e);
        }
    }

    private JsonNode call(HttpRequest request) {
        try {
            return answer(http.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new WhatsAppApiException(0, null, "Cannot reach the WhatsApp API: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WhatsAppApiException(0, null, "Interrupted while calling the WhatsApp API", e);
        }
    }

    /** Meta's answer as JSON; an error status becomes a {@link WhatsAppApiException} with Meta's code and title. */
    private static JsonNode answer(HttpResponse<String> response) {
        JsonNode json = parse(response.body());
        if (response.statusCode() / 100 != 2) {
            JsonNode error = json.path("error");
            String code = error.path("code").isMissingNode() ? null : error.path("code").asText();
            throw new WhatsAppApiException(response.statusCode(), code, title(error, response.statusCode()), null);
        }
        return json;
    }

    /**
     * Meta's title for a person to read: without the "(#code)" its message repeats (the code is kept
     * apart), followed by its details or its message for users, which often say what to do.
     */
    private static String title(JsonNode error, int httpStatus) {
        String title = error.path("error_user_title").asText(error.path("message").asText("HTTP " + httpStatus))
                .replaceFirst("^\\(#\\d+\\)\\s*", "");
        String details = error.path("error_data").path("details").asText(error.path("error_user_msg").asText(""));
        return details.isBlank() ? title : title + ": " + details;
    }

    static String textOrNull(JsonNode node) {
        return node.isValueNode() && !node.asText().isBlank() ? node.asText() : null;
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }
}
