package dev.funnel.gateway;

import dev.funnel.gateway.queue.ElasticMq;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway as it ships: {@code java -jar webhook-gateway/target/webhook-gateway.jar} as a child
 * process, configured only by its environment variables, against ElasticMQ, over loopback HTTP.
 */
class GatewayEndToEndIT {

    private static final String APP_SECRET = "e2e-app-secret";
    private static final String VERIFY_TOKEN = "e2e-verify-token";

    private final HttpClient http = HttpClient.newHttpClient();
    private ElasticMq elasticMq;
    private SqsClient sqs;
    private String queueUrl;
    private int port;
    private Process gateway;

    @BeforeEach
    void startGateway() throws Exception {
        elasticMq = ElasticMq.start();
        sqs = elasticMq.client();
        queueUrl = ElasticMq.createQueue(sqs, "webhooks");
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Path jar = Path.of("target", "webhook-gateway.jar").toAbsolutePath();
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(Map.of(
                "WHATSAPP_APP_SECRET", APP_SECRET,
                "WHATSAPP_VERIFY_TOKEN", VERIFY_TOKEN,
                "SQS_QUEUE_URL", queueUrl,
                "AWS_REGION", "us-east-1",
                "SQS_ENDPOINT", elasticMq.endpoint().toString(),
                "PORT", Integer.toString(port),
                "AWS_ACCESS_KEY_ID", "local",
                "AWS_SECRET_ACCESS_KEY", "local",
                "AWS_EC2_METADATA_DISABLED", "true"));
        gateway = builder.start();
        awaitListening();
    }

    @AfterEach
    void stopGateway() throws InterruptedException {
        gateway.destroy();
        gateway.waitFor();
        sqs.close();
        elasticMq.close();
        http.close();
    }

    @Test
    void verificationEchoesTheChallengeOnlyForTheConfiguredToken() throws Exception {
        assertThat(get("/webhook?hub.mode=subscribe&hub.verify_token=" + VERIFY_TOKEN + "&hub.challenge=1158201444"))
                .satisfies(r -> {
                    assertThat(r.statusCode()).isEqualTo(200);
                    assertThat(r.body()).isEqualTo("1158201444");
                });
        assertThat(get("/webhook?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1").statusCode())
                .isEqualTo(403);
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
        HttpResponse<String> response = get("/health");

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

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(baseUri().resolve(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void awaitListening() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!gateway.isAlive()) {
                throw new IllegalStateException("the gateway jar exited with " + gateway.exitValue());
            }
            try {
                get("/health");
                return;
            } catch (Exception notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("the gateway jar did not listen on port " + port + " within 60 s");
    }

    private URI baseUri() {
        return URI.create("http://127.0.0.1:" + port);
    }
}
