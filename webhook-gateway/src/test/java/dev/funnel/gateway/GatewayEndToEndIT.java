package dev.funnel.gateway;

import dev.funnel.gateway.queue.ElasticMq;
import dev.funnel.gateway.queue.SqsInboundQueue;
import io.helidon.webserver.WebServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

/** The real server, routing and SQS client against ElasticMQ, driven over loopback HTTP. */
class GatewayEndToEndIT {

    private static final String APP_SECRET = "e2e-app-secret";

    private final HttpClient http = HttpClient.newHttpClient();
    private ElasticMq elasticMq;
    private SqsClient sqs;
    private String queueUrl;
    private WebServer server;

    @BeforeEach
    void startGateway() {
        elasticMq = ElasticMq.start();
        sqs = elasticMq.client();
        queueUrl = ElasticMq.createQueue(sqs, "webhooks");
        var queue = new SqsInboundQueue(sqs, queueUrl);
        var webhook = new WebhookService(APP_SECRET, "e2e-verify-token", queue);
        var health = new HealthService(queue);
        server = WebServer.builder()
                .host("127.0.0.1")
                .port(0)
                .routing(routing -> GatewayMain.routing(routing, webhook, health))
                .build()
                .start();
    }

    @AfterEach
    void stopGateway() {
        server.stop();
        sqs.close();
        elasticMq.close();
        http.close();
    }

    @Test
    void signedDeliveryIsAcknowledgedAndLandsInSqsByteForByte() throws Exception {
        byte[] body = TestBodies.withRawUtf8Text();
        String signature = new SignatureVerifier(APP_SECRET).sign(body);

        HttpResponse<String> response = post(body, signature);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(ElasticMq.receive(sqs, queueUrl)).singleElement()
                .satisfies(message -> assertThat(message.body().getBytes(UTF_8)).isEqualTo(body));
    }

    @Test
    void unsignedDeliveryIsUnauthorizedAndNeverReachesSqs() throws Exception {
        byte[] body = TestBodies.metaWebhook(TestBodies.TEXT_WITH_AD_REFERRAL);

        HttpResponse<String> response = post(body, null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(ElasticMq.receive(sqs, queueUrl)).isEmpty();
    }

    @Test
    void healthReportsTheQueueReachable() throws Exception {
        var request = HttpRequest.newBuilder(baseUri().resolve("/health")).GET().build();

        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"status\":\"ok\",\"queue\":\"reachable\"}");
    }

    private HttpResponse<String> post(byte[] body, String signature) throws Exception {
        var request = HttpRequest.newBuilder(baseUri().resolve("/webhook"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            request.header("X-Hub-Signature-256", signature);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.port());
    }
}
