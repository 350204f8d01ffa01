package dev.funnel.gateway;

import dev.funnel.gateway.queue.InboundQueue;
import dev.funnel.gateway.queue.QueueException;
import dev.funnel.gateway.queue.UnqueueableBodyException;
import io.helidon.common.media.type.MediaType;
import io.helidon.http.Header;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.HttpMediaType;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * Meta's webhook endpoint: answers the subscription check and queues signed deliveries unchanged.
 *
 * <p>A delivery is acknowledged with 200 only after the queue has durably accepted it; any other
 * answer makes Meta redeliver it later, which is what we want when the queue is down.
 *
 * <p>Every POST (and every refused method) gets one {@code key=value} line on the logger
 * {@value #DELIVERY_LOGGER}: status, reason, bytes, latency and queue time. It never holds the body,
 * the signature or the secret.
 */
public final class WebhookService implements HttpService {

    /** Meta's bodies are a few KiB; anything this large is not from Meta. */
    static final int MAX_BODY_BYTES = 1024 * 1024;

    static final HeaderName SIGNATURE_HEADER = HeaderNames.create("X-Hub-Signature-256");

    /** The logger of the per-delivery lines, so operators can route or silence them on their own. */
    public static final String DELIVERY_LOGGER = "dev.funnel.gateway.deliveries";

    // JUL itself rather than System.Logger: logp names the source, which spares JUL a stack walk to
    // find the caller on every delivery (it costs more than the rest of the line)
    private static final Logger LOG = Logger.getLogger(DELIVERY_LOGGER);
    private static final Header ALLOW = HeaderValues.create(HeaderNames.ALLOW, "GET, POST");

    private final SignatureVerifier verifier;
    private final byte[] verifyToken;
    private final InboundQueue queue;
    private final GatewayMetrics metrics;

    public WebhookService(String appSecret, String verifyToken, InboundQueue queue) {
        this(appSecret, verifyToken, queue, new GatewayMetrics());
    }

    public WebhookService(String appSecret, String verifyToken, InboundQueue queue, GatewayMetrics metrics) {
        if (verifyToken == null || verifyToken.isEmpty()) {
            // an empty token would let a request without hub.verify_token pass the check
            throw new IllegalArgumentException("the verify token must not be empty");
        }
        this.verifier = new SignatureVerifier(appSecret);
        this.verifyToken = verifyToken.getBytes(UTF_8);
        this.queue = queue;
        this.metrics = metrics;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/webhook", this::verifySubscription)
                .post("/webhook", this::receive)
                .any("/webhook", this::methodNotAllowed);
    }

    private void verifySubscription(ServerRequest req, ServerResponse res) {
        var query = req.query();
        boolean subscribe = "subscribe".equals(query.first("hub.mode").orElse(null));
        byte[] token = query.first("hub.verify_token").orElse("").getBytes(UTF_8);
        if (!subscribe || !MessageDigest.isEqual(token, verifyToken)) {
            sendError(res, Status.FORBIDDEN_403, "verification failed");
            return;
        }
        // Meta expects its challenge echoed verbatim; nosniff keeps browsers from rendering it
        res.header(HeaderValues.CONTENT_TYPE_TEXT_PLAIN)
                .header(HeaderValues.X_CONTENT_TYPE_OPTIONS_NOSNIFF)
                .send(query.first("hub.challenge").orElse(""));
    }

    private void receive(ServerRequest req, ServerResponse res) {
        long started = System.nanoTime();
        Delivery delivery = deliver(req);
        // logged before answering, so a delivery's line exists by the time its sender sees the status
        finish(delivery, started);
        if (delivery.outcome() == Outcome.QUEUED) {
            res.send();
        } else {
            sendError(res, delivery.outcome().status, delivery.clientError());
        }
    }

    private void methodNotAllowed(ServerRequest req, ServerResponse res) {
        long started = System.nanoTime();
        finish(new Delivery(Outcome.METHOD_NOT_ALLOWED, 0, 0, null), started);
        res.header(ALLOW);
        sendError(res, Status.METHOD_NOT_ALLOWED_405, Outcome.METHOD_NOT_ALLOWED.error);
    }

    private Delivery deliver(ServerRequest req) {
        if (!isJson(req)) {
            return new Delivery(Outcome.NOT_JSON, 0, 0, null);
        }
        // a declared length over the limit is refused before reading a byte of it
        if (req.headers().contentLength().orElse(0) > MAX_BODY_BYTES) {
            return new Delivery(Outcome.TOO_LARGE, 0, 0, null);
        }
        byte[] body = readAtMost(req, MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            return new Delivery(Outcome.TOO_LARGE, body.length, 0, null);
        }
        String signature = req.headers().first(SIGNATURE_HEADER).orElse(null);
        if (signature == null) {
            return new Delivery(Outcome.UNSIGNED, body.length, 0, null);
        }
        if (!verifier.verify(body, signature)) {
            return new Delivery(Outcome.BAD_SIGNATURE, body.length, 0, null);
        }
        long queueStarted = System.nanoTime();
        try {
            queue.enqueue(body, Map.of(
                    InboundQueue.RECEIVED_AT, Long.toString(System.currentTimeMillis()),
                    InboundQueue.SIGNATURE, signature));
            return new Delivery(Outcome.QUEUED, body.length, System.nanoTime() - queueStarted, null);
        } catch (UnqueueableBodyException e) {
            // signed, yet this queue can never carry it: a retry would fail the same way for days
            return new Delivery(Outcome.UNQUEUEABLE, body.length, System.nanoTime() - queueStarted, e.getMessage());
        } catch (QueueException e) {
            metrics.enqueueFailure();
            return new Delivery(Outcome.QUEUE_UNAVAILABLE, body.length, System.nanoTime() - queueStarted, e.getMessage());
        }
    }

    private void finish(Delivery delivery, long started) {
        long latency = System.nanoTime() - started;
        int status = delivery.outcome().status.code();
        metrics.delivery(status, delivery.bytes(), latency);
        var line = new StringBuilder(128).append("webhook status=").append(status)
                .append(" reason=").append(delivery.outcome().reason)
                .append(" bytes=").append(delivery.bytes())
                .append(" latency_ms=").append(millis(latency))
                .append(" queue_ms=").append(millis(delivery.queueNanos()));
        if (delivery.detail() != null) {
            line.append(" error=\"").append(printable(delivery.detail())).append('"');
        }
        LOG.logp(status >= 500 ? Level.WARNING : Level.INFO, WebhookService.class.getName(), "receive", line.toString());
    }

    // Meta sends "application/json"; a charset other than UTF-8 would contradict the bytes we verify.
    private static boolean isJson(ServerRequest req) {
        try {
            Optional<HttpMediaType> contentType = req.headers().contentType();
            if (contentType.isEmpty()) {
                return false;
            }
            MediaType type = contentType.get().mediaType();
            return "application".equalsIgnoreCase(type.type())
                    && "json".equalsIgnoreCase(type.subtype())
                    && contentType.get().charset().map("utf-8"::equalsIgnoreCase).orElse(true);
        } catch (RuntimeException malformedHeader) {
            return false;
        }
    }

    // Reading one byte past the limit is enough to know a body is too large without buffering it all.
    private static byte[] readAtMost(ServerRequest req, int limit) {
        try (InputStream in = req.content().inputStream()) {
            return in.readNBytes(limit);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the webhook body", e);
        }
    }

    private static void sendError(ServerResponse res, Status status, String error) {
        res.status(status)
                .header(HeaderValues.CONTENT_TYPE_JSON)
                .send("{\"error\":\"" + printable(error) + "\"}");
    }

    /** Milliseconds with three decimals, without String.format's cost on every delivery. */
    static String millis(long nanos) {
        long micros = nanos / 1000;
        String fraction = Long.toString(1000 + micros % 1000).substring(1);
        return micros / 1000 + "." + fraction;
    }

    // Keeps log lines and JSON error strings on one line and well-formed whatever a message holds.
    private static String printable(String text) {
        var out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c == '"' || c == '\\' || c < 0x20 ? '\'' : c);
        }
        return out.toString();
    }

    /** What happened to one request, for the answer, the log line and the metrics. */
    private record Delivery(Outcome outcome, int bytes, long queueNanos, String detail) {

        String clientError() {
            return detail != null && outcome == Outcome.UNQUEUEABLE ? detail : outcome.error;
        }
    }

    private enum Outcome {
        QUEUED(Status.OK_200, "queued", null),
        NOT_JSON(Status.UNSUPPORTED_MEDIA_TYPE_415, "not_json", "Content-Type must be application/json"),
        TOO_LARGE(Status.REQUEST_ENTITY_TOO_LARGE_413, "too_large", "body larger than 1 MiB"),
        UNSIGNED(Status.UNAUTHORIZED_401, "unsigned", "missing X-Hub-Signature-256 header"),
        BAD_SIGNATURE(Status.FORBIDDEN_403, "bad_signature", "signature does not match"),
        UNQUEUEABLE(Status.BAD_REQUEST_400, "unqueueable", "the body cannot be queued unchanged"),
        QUEUE_UNAVAILABLE(Status.SERVICE_UNAVAILABLE_503, "queue_unavailable", "queue unavailable, retry later"),
        METHOD_NOT_ALLOWED(Status.METHOD_NOT_ALLOWED_405, "method_not_allowed", "use POST to deliver, GET to verify");

        final Status status;
        final String reason;
        final String error;

        Outcome(Status status, String reason, String error) {
            this.status = status;
            this.reason = reason;
            this.error = error;
        }
    }
}
