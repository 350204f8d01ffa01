package dev.funnel.backend.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for Meta's Graph API on loopback: records every call, checks the message payloads' shape
 * and answers as Meta does (a message id for a send, success for a read receipt, a number's details,
 * an account's message templates kept in {@link MetaTemplates}), or with scripted Meta error bodies.
 */
public final class RecordingGraphServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One call as Meta would have received it; {@code query} is the raw query string or empty. */
    public record Call(String method, String path, String query, String authorization, JsonNode body,
                       long receivedNanos) {

        /** A message sent to a lead (text, template...). */
        public boolean isSend() {
            return body.has("to");
        }

        /** A read receipt (with or without typing indicator). */
        public boolean isRead() {
            return "read".equals(body.path("status").asText());
        }
    }

    private record Failure(int status, String body) {
    }

    /** A scripted answer for the next call with this method whose path ends with {@code pathEnd}. */
    private record ScriptedFailure(String method, String pathEnd, Failure failure) {
    }

    private final HttpServer server;
    // appended under this server's lock and copied on read: tens of thousands of calls in a benchmark
    // would make a copy-on-write list copy itself on every call
    private final List<Call> calls = new ArrayList<>();
    private final AtomicInteger sendCount = new AtomicInteger();
    private final Deque<Failure> sendFailures = new ArrayDeque<>();
    private final Deque<Failure> readFailures = new ArrayDeque<>();
    private final Deque<ScriptedFailure> otherFailures = new ArrayDeque<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final MetaTemplates templates = new MetaTemplates();

    private RecordingGraphServer(HttpServer server) {
        this.server = server;
    }

    public static RecordingGraphServer start() throws IOException {
        System.setProperty("sun.net.httpserver.maxIdleConnections", "10000"); // see ScriptedLlmServer
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1000);
        RecordingGraphServer recorder = new RecordingGraphServer(http);
        http.createContext("/", recorder::handle);
        http.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        http.start();
        return recorder;
    }

    /** The versioned base URL to configure as WHATSAPP_GRAPH_URL. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v24.0");
    }

    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The messages sent to leads, in the order they arrived. */
    public synchronized List<Call> sends() {
        return calls.stream().filter(Call::isSend).toList();
    }

    /** How many messages were sent to leads, without copying them (for polling loops). */
    public int sendCount() {
        return sendCount.get();
    }

    /** The read receipts, in the order they arrived. */
    public synchronized List<Call> reads() {
        return calls.stream().filter(Call::isRead).toList();
    }

    /** The next {@code times} message sends are answered with this status and Meta error body. */
    public synchronized void failNextSends(int times, int status, String body) {
        for (int i = 0; i < times; i++) {
            sendFailures.add(new Failure(status, body));
        }
    }

    /** The next {@code times} read receipts are answered with this status and Meta error body. */
    public synchronized void failNextReads(int times, int status, String body) {
        for (int i = 0; i < times; i++) {
            readFailures.add(new Failure(status, body));
        }
    }

    /**
     * The next call with this method whose path ends with {@code pathEnd} (e.g. {@code "GET",
     * "/5550001234567"} for a number lookup) is answered with this status and Meta error body.
     */
    public synchronized void failNext(String method, String pathEnd, int status, String body) {
        otherFailures.add(new ScriptedFailure(method, pathEnd, new Failure(status, body)));
    }

    /** The message templates Meta holds for every business account. */
    public MetaTemplates templates() {
        return templates;
    }

    /** The display number Meta reports for a phone number id. */
    public static String displayNumberOf(String phoneNumberId) {
        return "+1 555 " + phoneNumberId.substring(Math.max(0, phoneNumberId.length() - 7));
    }

    /** The verified business name Meta reports for every number. */
    public static final String VERIFIED_NAME = "Verified Test Business";

    /** A Graph error body as Meta writes it, e.g. {@code metaError(130429, "Rate limit hit", "...")}. */
    public static String metaError(int code, String message, String details) {
        return """
                {"error":{"message":"(#%d) %s","type":"OAuthException","code":%d,
                 "error_data":{"messaging_product":"whatsapp","details":"%s"},"fbtrace_id":"AzCqAbC123"}}"""
                .formatted(code, message, code, details);
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] raw = exchange.getRequestBody().readAllBytes();
        JsonNode body = raw.length == 0 ? JSON.createObjectNode() : JSON.readTree(raw);
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery();
        String method = exchange.getRequestMethod();
        Call call = new Call(method, path, query, exchange.getRequestHeaders().getFirst("Authorization"), body,
                System.nanoTime());
        Failure failure;
        synchronized (this) {
            calls.add(call);
            failure = call.isSend() ? sendFailures.poll() : call.isRead() ? readFailures.poll() : scripted(call);
        }
        if (call.isSend()) {
            sendCount.incrementAndGet();
        }
        if (failure != null) {
            respond(exchange, failure.status(), failure.body());
        } else if (templates.handles(method, path)) {
            MetaTemplates.Answer answer = templates.answer(method, path, query, body, this::pageUrl);
            respond(exchange, answer.status(), answer.body());
        } else if ("GET".equals(method) && query.contains("display_phone_number")) {
            String id = path.substring(path.lastIndexOf('/') + 1);
            respond(exchange, 200, """
                    {"display_phone_number":"%s","verified_name":"%s","quality_rating":"GREEN","id":"%s"}"""
                    .formatted(displayNumberOf(id), VERIFIED_NAME, id));
        } else if ("GET".equals(exchange.getRequestMethod()) && path.startsWith("/media-bytes/")) {
            respondBytes(exchange, mediaBytes(path.substring("/media-bytes/".length())));
        } else if ("GET".equals(exchange.getRequestMethod())) {
            String mediaId = path.substring(path.lastIndexOf('/') + 1);
            respond(exchange, 200, """
                    {"url":"http://127.0.0.1:%d/media-bytes/%s","mime_type":"image/jpeg","sha256":"x",
                     "file_size":%d,"id":"%s","messaging_product":"whatsapp"}"""
                    .formatted(server.getAddress().getPort(), mediaId, mediaBytes(mediaId).length, mediaId));
        } else if (path.endsWith("/messages") && isValidSend(body)) {
            String to = body.path("to").asText();
            respond(exchange, 200, """
                    {"messaging_product":"whatsapp","contacts":[{"input":"%s","wa_id":"%s"}],
                     "messages":[{"id":"wamid.OUT%04d"}]}""".formatted(to, to, ids.incrementAndGet()));
        } else if (path.endsWith("/messages") && isValidRead(body)) {
            respond(exchange, 200, "{\"success\":true}");
        } else {
            respond(exchange, 400, """
                    {"error":{"message":"(#100) Invalid parameter","type":"OAuthException","code":100}}""");
        }
    }

    private Failure scripted(Call call) {
        for (ScriptedFailure f : otherFailures) {
            if (f.method().equals(call.method()) && call.path().endsWith(f.pathEnd())) {
                otherFailures.remove(f);
                return f.failure();
            }
        }
        return null;
    }

    private String pageUrl(String pathAndQuery) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery;
    }

    /** What the fake CDN serves for a media id. */
    public static byte[] mediaBytes(String mediaId) {
        return ("JPEG-BYTES-OF-" + mediaId).getBytes(StandardCharsets.UTF_8);
    }

    private static void respondBytes(HttpExchange exchange, byte[] bytes) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "image/jpeg");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static boolean isValidSend(JsonNode body) {
        return "whatsapp".equals(body.path("messaging_product").asText())
                && body.path("to").isTextual()
                && body.path("type").isTextual()
                && body.has(body.path("type").asText());
    }

    private static boolean isValidRead(JsonNode body) {
        return "whatsapp".equals(body.path("messaging_product").asText()) && body.path("message_id").isTextual();
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
