package dev.funnel.backend.testing;

import dev.funnel.backend.BackendConfig;
import dev.funnel.backend.BackendServer;
import dev.funnel.backend.RunningBackend;
import dev.funnel.gateway.GatewayMain;
import dev.funnel.gateway.HealthService;
import dev.funnel.gateway.WebhookService;
import dev.funnel.gateway.queue.ElasticMq;
import dev.funnel.gateway.queue.SqsInboundQueue;
import io.helidon.webserver.WebServer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The team/edge deployment on loopback: the webhook gateway in front of an SQS queue (ElasticMQ), a
 * backend consuming it on a real PostgreSQL, a scripted model and a recording Graph API — with an
 * organisation signed up and its WhatsApp number connected.
 */
public final class TeamStack implements AutoCloseable {

    public static final String APP_SECRET = "gateway-app-secret";
    public static final String PHONE_NUMBER_ID = "1122334455667";
    public static final String ACCESS_TOKEN = "EAAG-test-access-token";

    public final ElasticMq sqs;
    public final SqsClient sqsClient;
    public final String queueUrl;
    public final ScriptedLlmServer llm;
    public final RecordingGraphServer graph;
    public final RunningBackend backend;
    public final ApiClient api;
    private final SqsInboundQueue gatewayQueue;
    private final WebServer gateway;

    /** @param queueName a name ending in {@code .fifo} makes a FIFO queue */
    public TeamStack(String queueName, Map<String, String> extraEnvironment) throws Exception {
        sqs = ElasticMq.start();
        sqsClient = sqs.client();
        queueUrl = ElasticMq.createQueue(sqsClient, queueName);
        llm = ScriptedLlmServer.start();
        graph = RecordingGraphServer.start();
        TestDatabases.DbUrl db = TestDatabases.postgres();
        Path dataDir = Files.createTempDirectory("funnel-team");
        Map<String, String> env = new HashMap<>(Map.ofEntries(
                Map.entry("FUNNEL_PORT", "0"),
                Map.entry("FUNNEL_HOST", "127.0.0.1"),
                Map.entry("FUNNEL_DATA_DIR", dataDir.toString()),
                Map.entry("FUNNEL_DB_URL", db.url()),
                Map.entry("FUNNEL_DB_USER", db.user()),
                Map.entry("FUNNEL_DB_PASSWORD", db.password()),
                Map.entry("FUNNEL_JWT_SECRET", "team-jwt-secret-shared-by-every-backend"),
                Map.entry("FUNNEL_ENCRYPTION_KEY", "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"),
                Map.entry("FUNNEL_QUEUE", "sqs"),
                Map.entry("SQS_QUEUE_URL", queueUrl),
                Map.entry("SQS_ENDPOINT", sqs.endpoint().toString()),
                Map.entry("AWS_REGION", "us-east-1"),
                Map.entry("WHATSAPP_APP_SECRET", APP_SECRET),
                Map.entry("WHATSAPP_VERIFY_TOKEN", "verify-me"),
                Map.entry("WHATSAPP_GRAPH_URL", graph.baseUrl().toString()),
                Map.entry("LLM_BASE_URL", llm.baseUrl()),
                Map.entry("LLM_API_KEY", "test-key"),
                Map.entry("LLM_MODEL", "scripted-model"),
                Map.entry("FUNNEL_DEBOUNCE_MS", "0")));
        env.putAll(extraEnvironment);
        backend = BackendServer.start(BackendConfig.fromEnvironment(env));
        gatewayQueue = new SqsInboundQueue(sqsClient, queueUrl);
        gateway = WebServer.builder().host("127.0.0.1").port(0)
                .routing(r -> GatewayMain.routing(r, new WebhookService(APP_SECRET, "verify-me", gatewayQueue),
                        new HealthService(gatewayQueue)))
                .build().start();
        api = new ApiClient(backend.baseUri());
        api.signUp("Acme Solar", "asha@acme.test");
        ApiClient.Response connected = api.put("/settings/whatsapp", """
                {"phone_number_id":"%s","access_token":"%s","display_phone_number":"+972 12 345 6789"}"""
                .formatted(PHONE_NUMBER_ID, ACCESS_TOKEN));
        if (connected.status() != 200) {
            throw new IllegalStateException("Connecting WhatsApp failed: " + connected);
        }
    }

    /** Posts a body to the gateway with a valid signature; returns the HTTP status. */
    public int postToGateway(byte[] body) {
        return Webhooks.postSigned(URI.create("http://127.0.0.1:" + gateway.port() + "/webhook"), APP_SECRET, body);
    }

    public void awaitQueueDrained(Duration timeout) {
        Waits.until("the queue to be empty", timeout, () -> ElasticMq.inFlightOrWaiting(sqsClient, queueUrl) == 0);
    }

    public int count(String sql) {
        return backend.db().inTransaction(tx -> tx.queryOne(sql, rs -> rs.getInt(1)).orElseThrow());
    }

    @Override
    public void close() {
        gateway.stop();
        backend.stop();
        graph.close();
        llm.close();
        gatewayQueue.close();
        sqs.stopNow();
    }
}
