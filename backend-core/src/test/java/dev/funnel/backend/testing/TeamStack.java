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
    private final TeamServers servers;
    private final SqsInboundQueue gatewayQueue;
    private final WebServer gateway;

    /** @param queueName a name ending in {@code .fifo} makes a FIFO queue */
    public TeamStack(String queueName, Map<String, String> extraEnvironment) throws Exception {
        servers = new TeamServers(queueName);
        sqs = servers.sqs;
        sqsClient = servers.sqsClient;
        queueUrl = servers.queueUrl;
        llm = servers.llm;
        graph = servers.graph;
        Map<String, String> env = new HashMap<>(servers.environment(APP_SECRET));
        env.putAll(Map.of(
                "FUNNEL_PORT", "0",
                "FUNNEL_HOST", "127.0.0.1",
                "FUNNEL_DATA_DIR", Files.createTempDirectory("funnel-team").toString(),
                "WHATSAPP_VERIFY_TOKEN", "verify-me"));
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
        gatewayQueue.close();
        servers.close();
    }
}
