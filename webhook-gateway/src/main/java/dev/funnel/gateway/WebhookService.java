package dev.funnel.gateway;

import dev.funnel.gateway.queue.InboundQueue;
import dev.funnel.gateway.queue.QueueException;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger;
import java.security.MessageDigest;
import java.util.concurrent.TimeUnit;

import static java.lang.System.Logger.Level.INFO;
import static java.lang.System.Logger.Level.WARNING;
import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * Meta's webhook endpoint: answers the subscription check and queues signed deliveries unchanged.
 *
 * <p>A delivery is acknowledged with 200 only after the queue has durably accepted it; any other
 * answer makes Meta redeliver it later, which is what we want when the queue is down.
 */
public final class WebhookService implements HttpService {

    /** Meta's bodies are a few KiB; anything this large is not from Meta. */
    static final int MAX_BODY_BYTES = 1024 * 1024;

    static final HeaderName SIGNATURE_HEADER = HeaderNames.create("X-Hub-Signature-256");

    private static final Logger LOG = System.getLogger(WebhookService.class.getName());

    private final SignatureVerifier verifier;
    private final byte[] verifyToken;
    private final InboundQueue queue;

    public WebhookService(String appSecret, String verifyToken, InboundQueue queue) {
        if (verifyToken == null || verifyToken.isEmpty()) {
            // an empty token would let a request without hub.verify_token pass the check
            throw new IllegalArgumentException("the verify token must not be empty");
        }
        this.verifier = new SignatureVerifier(appSecret);
        this.verifyToken = verifyToken.getBytes(UTF_8);
        this.queue = queue;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/webhook", this::verifySubscription)
                .post("/webhook", this::receive);
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
        byte[] body = readAtMost(req, MAX_BODY_BYTES + 1);
        Outcome outcome = deliver(body, req.headers().first(SIGNATURE_HEADER).orElse(null));
        if (outcome == Outcome.QUEUED) {
            res.send();
        } else {
            sendError(res, outcome.status, outcome.error);
        }
        LOG.log(INFO, "webhook delivery status={0,number,#} bytes={1,number,#} latency_ms={2,number,#}",
                outcome.status.code(), body.length,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    private Outcome deliver(byte[] body, String signature) {
        if (body.length > MAX_BODY_BYTES) {
            return Outcome.TOO_LARGE;
        }
        if (signature == null) {
            return Outcome.UNSIGNED;
        }
        if (!verifier.verify(body, signature)) {
            return Outcome.BAD_SIGNATURE;
        }
        try {
            queue.enqueue(body);
            return Outcome.QUEUED;
        } catch (QueueException e) {
            LOG.log(WARNING, "queue did not accept a verified delivery; answering 503 so Meta retries: {0}",
                    e.getMessage());
            return Outcome.QUEUE_UNAVAILABLE;
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
                .send("{\"error\":\"" + error + "\"}");
    }

    private enum Outcome {
        QUEUED(Status.OK_200, null),
        TOO_LARGE(Status.REQUEST_ENTITY_TOO_LARGE_413, "body larger than 1 MiB"),
        UNSIGNED(Status.UNAUTHORIZED_401, "missing X-Hub-Signature-256 header"),
        BAD_SIGNATURE(Status.FORBIDDEN_403, "signature does not match"),
        QUEUE_UNAVAILABLE(Status.SERVICE_UNAVAILABLE_503, "queue unavailable, retry later");

        final Status status;
        final String error;

        Outcome(Status status, String error) {
            this.status = status;
            this.error = error;
        }
    }
}
