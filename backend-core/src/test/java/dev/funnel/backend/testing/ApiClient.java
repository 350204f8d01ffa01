package dev.funnel.backend.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** Calls the backend's REST API the way the console does, with a bearer token once logged in. */
public final class ApiClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A response: status, JSON body (an empty object when there is none) and headers. */
    public record Response(int status, JsonNode body, HttpHeaders headers) {

        public Response(int status, JsonNode body) {
            this(status, body, HttpHeaders.of(java.util.Map.of(), (name, value) -> true));
        }

        /** The request fields a 400 names. */
        public List<String> fields() {
            return body.path("fields").valueStream().map(JsonNode::asText).toList();
        }
    }

    /** A response read as it came: status, headers and body text (a CSV export, say). */
    public record RawResponse(int status, java.net.http.HttpHeaders headers, String body) {
    }

    private final URI base;
    private final HttpClient http = HttpClient.newHttpClient();
    private String token;

    public ApiClient(URI base) {
        this.base = base;
    }

    /** A client logged in as the admin of a new organisation. */
    public static ApiClient admin(URI base, String organisation, String email) {
        ApiClient api = new ApiClient(base);
        api.signUp(organisation, email);
        return api;
    }

    public String token() {
        return token;
    }

    /** Calls from now on carry this token (e.g. one a test tampered with). */
    public void useToken(String token) {
        this.token = token;
    }

    /** Creates an organisation with an admin and keeps the admin's token; returns the session body. */
    public JsonNode signUp(String organisation, String email) {
        Response r = post("/auth/signup/create-org", """
                {"organisation_name":"%s","name":"Asha Admin","email":"%s","password":"correct-horse-1"}"""
                .formatted(organisation, email));
        if (r.status() != 201) {
            throw new IllegalStateException("Sign-up failed: " + r);
        }
        token = r.body().path("access_token").asText();
        return r.body();
    }

    /** Logs in and, when that succeeds, keeps the token. */
    public Response logIn(String email, String password) {
        Response r = post("/auth/login", """
                {"email":"%s","password":"%s"}""".formatted(email, password));
        if (r.status() == 200) {
            token = r.body().path("access_token").asText();
        }
        return r;
    }

    /** Joins an organisation with its invite code and keeps the new user's token; returns the session body. */
    public JsonNode join(String inviteCode, String name, String email) {
        Response r = post("/auth/signup/join", """
                {"invite_code":"%s","name":"%s","email":"%s","password":"correct-horse-2"}"""
                .formatted(inviteCode, name, email));
        if (r.status() != 201) {
            throw new IllegalStateException("Joining failed: " + r);
        }
        token = r.body().path("access_token").asText();
        return r.body();
    }

    /** The caller's organisation's invite code (an admin's client). */
    public String inviteCode() {
        return get("/organisation").body().path("invite_code").asText();
    }

    public Response get(String path) {
        return send(builder(path).GET());
    }

    public Response post(String path, String json) {
        return send(builder(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response put(String path, String json) {
        return send(builder(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response patch(String path, String json) {
        return send(builder(path).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response delete(String path) {
        return send(builder(path).DELETE());
    }

    /** Posts a body of another type (e.g. a CSV file as {@code text/csv}). */
    public Response post(String path, String contentType, String body) {
        return send(builder(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public RawResponse getRaw(String path) {
        try {
            HttpResponse<String> r = http.send(builder(path).GET().build(), HttpResponse.BodyHandlers.ofString());
            return new RawResponse(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new IllegalStateException("API call failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Posts a file's bytes as the body (e.g. a PDF as {@code application/pdf}). */
    public Response post(String path, String contentType, byte[] body) {
        return send(builder(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private HttpRequest.Builder builder(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = r.body() == null || r.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(r.body());
            return new Response(r.statusCode(), body, r.headers());
        } catch (IOException e) {
            throw new IllegalStateException("API call failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
