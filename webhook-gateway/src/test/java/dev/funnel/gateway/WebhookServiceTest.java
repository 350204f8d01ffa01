package dev.funnel.gateway;

import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webclient.http1.Http1ClientResponse;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.DirectClient;
import io.helidon.webserver.testing.junit5.RoutingTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@RoutingTest
class WebhookServiceTest {

    private static final String APP_SECRET = "test-app-secret";
    private static final String VERIFY_TOKEN = "test-verify-token";
    private static final FakeInboundQueue QUEUE = new FakeInboundQueue();
    private static final SignatureVerifier SIGNER = new SignatureVerifier(APP_SECRET);

    private final DirectClient client;

    WebhookServiceTest(DirectClient client) {
        this.client = client;
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        GatewayMain.routing(routing,
                new WebhookService(APP_SECRET, VERIFY_TOKEN, QUEUE),
                new HealthService(QUEUE));
    }

    @BeforeEach
    void emptyQueue() {
        QUEUE.reset();
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

    private Http1ClientResponse verification(String mode, String token, String challenge) {
        return client.get("/webhook")
                .queryParam("hub.mode", mode)
                .queryParam("hub.verify_token", token)
                .queryParam("hub.challenge", challenge)
                .request();
    }

    private Http1ClientResponse post(byte[] body, String signature) {
        var request = client.post("/webhook").header(HeaderValues.CONTENT_TYPE_JSON);
        if (signature != null) {
            request.header(WebhookService.SIGNATURE_HEADER, signature);
        }
        return request.submit(body);
    }
}
