package dev.funnel.gateway;

import dev.funnel.gateway.queue.ElasticMq;
import dev.funnel.gateway.queue.SqsInboundQueue;
import io.helidon.webserver.WebServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thousands of damaged bodies, each validly signed, against the real server over ElasticMQ (a FIFO
 * queue, so the sender lookup runs on every one). The gateway does not judge JSON: what SQS can carry
 * unchanged is queued (the worker rejects garbage later), what it cannot is a 400; never a 5xx.
 */
class GatewayRobustnessIT {

    private static final String APP_SECRET = "robustness-app-secret";
    private static final long SEED = 20260214L;
    private static final int BODIES = 10_000;
    private static final int CLIENT_THREADS = 8;

    private final SignatureVerifier signer = new SignatureVerifier(APP_SECRET);
    private final GatewayMetrics metrics = new GatewayMetrics();
    private final Logger deliveryLog = Logger.getLogger(WebhookService.DELIVERY_LOGGER);
    private ElasticMq elasticMq;
    private SqsClient sqs;
    private String queueUrl;
    private WebServer server;
    private ExecutorService clientThreads;
    private HttpClient http;

    @BeforeEach
    void startGateway() {
        elasticMq = ElasticMq.start();
        sqs = elasticMq.client();
        queueUrl = ElasticMq.createQueue(sqs, "robustness.fifo");
        var queue = new SqsInboundQueue(sqs, queueUrl);
        var webhook = new WebhookService(APP_SECRET, "robustness-verify-token", queue, metrics);
        server = WebServer.builder()
                .host("127.0.0.1")
                .port(0)
                .routing(routing -> GatewayMain.routing(routing, webhook, new HealthService(queue), new MetricsService(metrics)))
                .build()
                .start();
        clientThreads = Executors.newFixedThreadPool(CLIENT_THREADS);
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(clientThreads).build();
        // ten thousand delivery lines would bury the build log; the lines are tested in WebhookServiceTest
        deliveryLog.setLevel(Level.WARNING);
    }

    @AfterEach
    void stopGateway() {
        deliveryLog.setLevel(null);
        http.close();
        clientThreads.shutdownNow();
        server.stop();
        sqs.close();
        elasticMq.stopNow();
    }

    @Test
    void signedGarbageIsQueuedOrRefusedWith400AndTheGatewayStaysHealthy() throws Exception {
        var mutator = new BodyMutator(SEED, TestBodies.ALL.stream().map(TestBodies::metaWebhook).toList());
        List<byte[]> bodies = new ArrayList<>(BODIES);
        for (int i = 0; i < BODIES; i++) {
            bodies.add(mutator.next());
        }
        Set<String> queuedDistinct = ConcurrentHashMap.newKeySet();
        List<String> surprises = new ArrayList<>();
        var refused = new AtomicInteger();

        try (ExecutorService senders = Executors.newFixedThreadPool(CLIENT_THREADS)) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < CLIENT_THREADS; t++) {
                int first = t;
                done.add(senders.submit(() -> {
                    for (int i = first; i < BODIES; i += CLIENT_THREADS) {
                        byte[] body = bodies.get(i);
                        int status = post(body).statusCode();
                        int expected = sqsCanCarry(body) ? 200 : 400;
                        if (status != expected) {
                            synchronized (surprises) {
                                surprises.add("body " + i + ": " + status + " instead of " + expected);
                            }
                        } else if (status == 200) {
                            queuedDistinct.add(sha256(body));
                        } else {
                            refused.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> sender : done) {
                sender.get();
            }
        }

        assertThat(surprises).as("answers that differ from the expected 200/400").isEmpty();
        assertThat(refused.get()).as("some damage makes bodies SQS cannot carry").isPositive();
        assertThat(queuedDistinct).as("most damage still leaves text SQS carries").hasSizeGreaterThan(BODIES / 2);
        // identical bodies share a deduplication id, so the FIFO queue holds each distinct body once
        assertThat(ElasticMq.inFlightOrWaiting(sqs, queueUrl)).isEqualTo(queuedDistinct.size());
        assertThat(metrics.enqueueFailures()).isZero();
        assertThat(metrics.deliveries(200) + metrics.deliveries(400)).isEqualTo(BODIES);
        assertThat(get("/metrics").body())
                .contains("funnel_webhook_deliveries_total{status=\"400\"} " + refused.get() + "\n")
                .contains("funnel_webhook_enqueue_failures_total 0\n");
        assertThat(get("/health").statusCode()).isEqualTo(200);
        assertThat(post(TestBodies.metaWebhook(TestBodies.TEXT_WITH_AD_REFERRAL)).statusCode()).isEqualTo(200);
    }

    /** An oracle written apart from the gateway's check: non-empty UTF-8 of characters SQS allows. */
    private static boolean sqsCanCarry(byte[] body) {
        String text = new String(body, UTF_8);
        if (body.length == 0 || !java.util.Arrays.equals(text.getBytes(UTF_8), body)) {
            return false;
        }
        return text.codePoints().allMatch(c -> c == 0x9 || c == 0xA || c == 0xD
                || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF));
    }

    private HttpResponse<String> post(byte[] body) throws Exception {
        var request = HttpRequest.newBuilder(uri("/webhook"))
                .header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", signer.sign(body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private static String sha256(byte[] body) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    }
}
