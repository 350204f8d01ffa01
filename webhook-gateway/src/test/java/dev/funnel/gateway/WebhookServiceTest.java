package dev.funnel.gateway;

import dev.funnel.gateway.queue.InboundQueue;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webclient.http1.Http1ClientResponse;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.DirectClient;
import io.helidon.webserver.testing.junit5.RoutingTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@RoutingTest
class WebhookServiceTest {

    private static final String APP_SECRET = "test-app-secret";
    private static final String VERIFY_TOKEN = "test-verify-token";
    private static final FakeInboundQueue QUEUE = new FakeInboundQueue();
    private static final SignatureVerifier SIGNER = new SignatureVerifier(APP_SECRET);
    private static final GatewayMetrics METRICS = new GatewayMetrics();
    private static final Logger DELIVERY_LOG = Logger.getLogger(WebhookService.DELIVERY_LOGGER);

    private final List<String> logLines = new CopyOnWriteArrayList<>();
    private final Handler logCapture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logLines.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private final DirectClient client;

    WebhookServiceTest(DirectClient client) {
        this.client = client;
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        GatewayMain.routing(routing,
                new WebhookService(APP_SECRET, VERIFY_TOKEN, QUEUE, METRICS),
                new HealthService(QUEUE),
                new MetricsService(METRICS));
    }

    @BeforeEach
    void emptyQueueAndCaptureLog() {
        QUEUE.reset();
        DELIVERY_LOG.addHandler(logCapture);
    }

    @AfterEach
    void stopCapturingLog() {
        DELIVERY_LOG.removeHandler(logCapture);
    }

    @Test
    void subscriptionWithTheRightTokenEchoesTheChallenge() {
        try (Http1ClientResponse response = verification("subscribe", VERIFY_TOKEN, "1158201444")) {
            assertThat(response.status()).isEqualTo(Status.OK_200);
            assertThat(response.headers().contentType()).hasValueSatisfying(
                    type -> assertThat(type.mediaType().text()).isEqualTo("text/plain"));
            assertThat(response.as(String.class)).isEqualTo("1158201444");
        }
    }

    @Test
    void subscriptionWithAWrongTokenIsForbidden() {
        try (Http1ClientResponse response = verification("subscribe", "guessed-token", "1158201444")) {
            assertThat(response.status()).isEqualTo(Status.FORBIDDEN_403);
            assertThat(response.as(String.class)).doesNotContain("1158201444");
        }
    }

    @Test
    void verificationWithAnotherModeIsForbidden() {
        try (Http1ClientResponse response = verification("unsubscribe", VERIFY_TOKEN, "1158201444")) {
            assertThat(response.status()).isEqualTo(Status.FORBIDDEN_403);
        }
    }

    @Test
    void signedDeliveryIsQueuedByteForByteAndAcknowledged() {
        byte[] body = TestBodies.metaWebhook(TestBodies.REACTION_WITH_ESCAPED_EMOJI);

        try (Http1ClientResponse response = post(body, SIGNER.sign(body))) {
            assertThat(response.status()).isEqualTo(Status.OK_200);
        }
        assertThat(QUEUE.bodies()).singleElement().isEqualTo(body);
    }

    @Test
    void deliveryWithoutSignatureIsUnauthorizedAndNotQueued() {
        byte[] body = TestBodies.metaWebhook(TestBodies.TEXT_WITH_AD_REFERRAL);

        try (Http1ClientResponse response = post(body, null)) {
            assertThat(response.status()).isEqualTo(Status.UNAUTHORIZED_401);
            assertThat(response.as(String.class)).startsWith("{\"error\":");
        }
        assertThat(QUEUE.bodies()).isEmpty();
    }

    @Test
    void deliveryWithWrongSignatureIsForbiddenAndNotQueued() {
        byte[] body = TestBodies.metaWebhook(TestBodies.TEXT_WITH_AD_REFERRAL);
        String forged = new SignatureVerifier("not-the-app-secret").sign(body);

        try (Http1ClientResponse response = post(body, forged)) {
            assertThat(response.status()).isEqualTo(Status.FORBIDDEN_403);
            assertThat(response.as(String.class)).startsWith("{\"error\":");
        }
        assertThat(QUEUE.bodies()).isEmpty();
    }

    @Test
    void bodyOverOneMebibyteIsTooLargeAndNotQueued() {
        byte[] body = new byte[WebhookService.MAX_BODY_BYTES + 1];
        Arrays.fill(body, (byte) ' ');

        try (Http1ClientResponse response = post(body, SIGNER.sign(body))) {
            assertThat(response.status()).isEqualTo(Status.REQUEST_ENTITY_TOO_LARGE_413);
        }
        assertThat(QUEUE.bodies()).isEmpty();
    }

    @Test
    void deliveryIsRefusedWith503WhenTheQueueFails() {
        QUEUE.failing(true);
        byte[] body = TestBodies.metaWebhook(TestBodies.STATUS_SENT);

        try (Http1ClientResponse response = post(body, SIGNER.sign(body))) {
            assertThat(response.status()).isEqualTo(Status.SERVICE_UNAVAILABLE_503);
            assertThat(response.as(String.class)).startsWith("{\"error\":");
        }
    }

    @Test
    void deliveryCarriesTheReceiveTimeAndTheSignatureBesideTheBody() {
        byte[] body = TestBodies.metaWebhook(TestBodies.STATUS_SENT);
        String signature = SIGNER.sign(body);
        long before = System.currentTimeMillis();

        try (Http1ClientResponse response = post(body, signature)) {
            assertThat(response.status()).isEqualTo(Status.OK_200);
        }
        assertThat(QUEUE.attributes()).singleElement().satisfies(attributes -> {
            assertThat(attributes).containsEntry(InboundQueue.SIGNATURE, signature);
            assertThat(Long.parseLong(attributes.get(InboundQueue.RECEIVED_AT)))
                    .isBetween(before, System.currentTimeMillis());
        });
    }

    @Test
    void bodyTheQueueCanNeverCarryIsABadRequestRatherThanARetry() {
        QUEUE.refusingBodies(true);
        byte[] body = TestBodies.metaWebhook(TestBodies.STATUS_SENT);

        try (Http1ClientResponse response = post(body, SIGNER.sign(body))) {
            assertThat(response.status()).isEqualTo(Status.BAD_REQUEST_400);
            assertThat(response.as(String.class)).contains("cannot carry this body");
        }
    }

    @Test
    void otherMethodsOnTheWebhookAreNotAllowedAndSayWhatIs() {
        for (Method method : List.of(Method.PUT, Method.DELETE, Method.PATCH)) {
            try (Http1ClientResponse response = client.method(method).path("/webhook").request()) {
                assertThat(response.status()).as(method.text()).isEqualTo(Status.METHOD_NOT_ALLOWED_405);
                assertThat(response.headers().get(HeaderNames.ALLOW).get()).isEqualTo("GET, POST");
            }
        }
    }

    @Test
    void deliveryThatIsNotJsonIsUnsupportedAndNotQueued() {
        byte[] body = TestBodies.metaWebhook(TestBodies.STATUS_SENT);

        for (String contentType : List.of("text/plain", "application/x-www-form-urlencoded",
                "application/json; charset=iso-8859-1", "application/jsonp")) {
            try (Http1ClientResponse response = post(body, SIGNER.sign(body), contentType)) {
                assertThat(response.status()).as(contentType).isEqualTo(Status.UNSUPPORTED_MEDIA_TYPE_415);
            }
        }
        assertThat(QUEUE.bodies()).isEmpty();
    }

    @Test
    void deliveryWithoutContentTypeIsUnsupported() {
        byte[] body = TestBodies.metaWebhook(TestBodies.STATUS_SENT);

        try (Http1ClientResponse response = client.post("/webhook")
                .header(WebhookService.SIGNATURE_HEADER, SIGNER.sign(body))
                .submit(body)) {
            assertThat(response.status()).isEqualTo(Status.UNSUPPORTED_MEDIA_TYPE_415);
        }
    }

    @Test
    void jsonWithAUtf8CharsetIsAccepted() {
        byte[] body = TestBodies.metaWebhook(TestBodies.STATUS_SENT);

        for (String contentType : List.of("application/json; charset=utf-8", "Application/JSON;charset=UTF-8")) {
            try (Http1ClientResponse response = post(body, SIGNER.sign(body), contentType)) {
                assertThat(response.status()).as(contentType).isEqualTo(Status.OK_200);
            }
        }
        assertThat(QUEUE.bodies()).hasSize(2);
    }

    @Test
    void eachDeliveryLogsOneKeyValueLineWithoutBodyOrSignature() {
        byte[] body = TestBodies.withRawUtf8Text();
        String signature = SIGNER.sign(body);

        try (Http1ClientResponse response = post(body, signature)) {
            assertThat(response.status()).isEqualTo(Status.OK_200);
        }

        assertThat(logLines).singleElement().satisfies(line -> {
            assertThat(line).startsWith("webhook status=200 reason=queued bytes=" + body.length + " latency_ms=")
                    .containsPattern("latency_ms=\\d+\\.\\d{3} queue_ms=\\d+\\.\\d{3}$");
            assertThat(line).doesNotContain(signature.substring("sha256=".length()), APP_SECRET, "972987654321", "Olá");
        });
    }

    @Test
    void refusedDeliveriesAreLoggedWithTheirReason() {
        byte[] body = TestBodies.metaWebhook(TestBodies.STATUS_SENT);

        post(body, null).close();
        post(body, SIGNER.sign(body), "text/plain").close();

        assertThat(logLines).hasSize(2);
        assertThat(logLines.get(0)).startsWith("webhook status=401 reason=unsigned bytes=" + body.length);
        assertThat(logLines.get(1)).startsWith("webhook status=415 reason=not_json bytes=0");
    }

    @Test
    void metricsCountDeliveriesByStatusFailuresBytesAndAckLatency() {
        byte[] body = TestBodies.metaWebhook(TestBodies.STATUS_SENT);
        long ok = METRICS.deliveries(200);
        long forbidden = METRICS.deliveries(403);
        long failures = METRICS.enqueueFailures();

        post(body, SIGNER.sign(body)).close();
        post(body, new SignatureVerifier("not-the-app-secret").sign(body)).close();
        QUEUE.failing(true);
        post(body, SIGNER.sign(body)).close();

        assertThat(METRICS.deliveries(200)).isEqualTo(ok + 1);
        assertThat(METRICS.deliveries(403)).isEqualTo(forbidden + 1);
        assertThat(METRICS.enqueueFailures()).isEqualTo(failures + 1);
        try (Http1ClientResponse response = client.get("/metrics").request()) {
            assertThat(response.status()).isEqualTo(Status.OK_200);
            assertThat(response.headers().contentType().orElseThrow().text()).startsWith("text/plain");
            assertThat(response.as(String.class))
                    .contains("funnel_webhook_deliveries_total{status=\"200\"} " + METRICS.deliveries(200))
                    .contains("funnel_webhook_deliveries_total{status=\"503\"} ")
                    .contains("funnel_webhook_enqueue_failures_total " + METRICS.enqueueFailures())
                    .contains("funnel_webhook_accepted_bytes_total ")
                    .contains("funnel_webhook_ack_latency_seconds{quantile=\"0.99\"} ")
                    .contains("funnel_webhook_ack_latency_seconds_count " + METRICS.deliveries(200));
        }
    }

    private Http1ClientResponse verification(String mode, String token, String challenge) {
        return client.get("/webhook")
                .queryParam("hub.mode", mode)
                .queryParam("hub.verify_token", token)
                .queryParam("hub.challenge", challenge)
                .request();
    }

    private Http1ClientResponse post(byte[] body, String signature) {
        return post(body, signature, "application/json");
    }

    private Http1ClientResponse post(byte[] body, String signature, String contentType) {
        var request = client.post("/webhook").header(HeaderNames.CONTENT_TYPE, contentType);
        if (signature != null) {
            request.header(WebhookService.SIGNATURE_HEADER, signature);
        }
        return request.submit(body);
    }
}
