package dev.funnel.backend.testing;

import dev.funnel.backend.db.Db;
import dev.funnel.gateway.queue.ElasticMq;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * What the backends of a team installation run against, on loopback: an SQS queue (ElasticMQ), a
 * fresh database on PostgreSQL, a scripted model and a recording Graph API; and a connection pool on
 * that database for the test's own reads.
 */
public final class TeamServers implements AutoCloseable {

    public final ElasticMq sqs;
    public final SqsClient sqsClient;
    public final String queueUrl;
    public final ScriptedLlmServer llm;
    public final RecordingGraphServer graph;
    public final TestDatabases.DbUrl database;
    public final Db db;

    /** @param queueName a name ending in {@code .fifo} makes a FIFO queue */
    public TeamServers(String queueName) throws Exception {
        sqs = ElasticMq.start();
        sqsClient = sqs.client();
        queueUrl = ElasticMq.createQueue(sqsClient, queueName);
        llm = ScriptedLlmServer.start();
        graph = RecordingGraphServer.start();
        database = TestDatabases.postgres();
        db = Db.open(database.url(), database.user(), database.password());
    }

    /** What every backend of the installation shares (each adds its own port and data folder). */
    public Map<String, String> environment(String appSecret) {
        return Map.ofEntries(
                Map.entry("FUNNEL_DB_URL", database.url()),
                Map.entry("FUNNEL_DB_USER", database.user()),
                Map.entry("FUNNEL_DB_PASSWORD", database.password()),
                Map.entry("FUNNEL_JWT_SECRET", "team-jwt-secret-shared-by-every-backend"),
                Map.entry("FUNNEL_ENCRYPTION_KEY", "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"),
                Map.entry("FUNNEL_QUEUE", "sqs"),
                Map.entry("SQS_QUEUE_URL", queueUrl),
                Map.entry("SQS_ENDPOINT", sqs.endpoint().toString()),
                Map.entry("AWS_REGION", "us-east-1"),
                Map.entry("AWS_ACCESS_KEY_ID", "local"),
                Map.entry("AWS_SECRET_ACCESS_KEY", "local"),
                Map.entry("AWS_EC2_METADATA_DISABLED", "true"),
                Map.entry("WHATSAPP_APP_SECRET", appSecret),
                Map.entry("WHATSAPP_GRAPH_URL", graph.baseUrl().toString()),
                Map.entry("LLM_BASE_URL", llm.baseUrl()),
                Map.entry("LLM_API_KEY", "test-key"),
                Map.entry("LLM_MODEL", "scripted-model"),
                Map.entry("FUNNEL_DEBOUNCE_MS", "0"));
    }

    /** Queues a webhook body as the gateway does once it has checked the signature. */
    public void queue(byte[] body) {
        String text = new String(body, java.nio.charset.StandardCharsets.UTF_8);
        sqsClient.sendMessage(b -> b.queueUrl(queueUrl).messageBody(text));
    }

    /** No message waits in the queue or is in work. */
    public boolean queueDrained() {
        return ElasticMq.inFlightOrWaiting(sqsClient, queueUrl) == 0;
    }

    public int count(String sql) {
        return db.inTransaction(tx -> tx.queryOne(sql, rs -> rs.getInt(1)).orElseThrow());
    }

    @Override
    public void close() {
        db.close();
        graph.close();
        llm.close();
        sqsClient.close();
        sqs.stopNow();
    }
}
