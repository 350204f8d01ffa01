package dev.funnel.backend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.backend.testing.ApiClient;
import dev.funnel.backend.testing.BackendProcess;
import dev.funnel.backend.testing.LlmScripts;
import dev.funnel.backend.testing.RecordingGraphServer;
import dev.funnel.backend.testing.ScriptedLlmServer;
import dev.funnel.backend.testing.TestDatabases;
import dev.funnel.backend.testing.Waits;
import dev.funnel.backend.testing.Webhooks;
import dev.funnel.backend.db.Db;
import dev.funnel.gateway.queue.ElasticMq;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The backend as a real child process on PostgreSQL and ElasticMQ, killed with SIGKILL at random
 * moments while 200 leads' messages — each queued twice — flow through. After restarts every
 * message is stored exactly once and every turn has exactly one reply.
 */
class CrashRecoveryIT {

    private static final int LEADS = 200;
    private static final int KILLS = 5;
    private static final String APP_SECRET = "crash-secret";
    private static final String PHONE_NUMBER_ID = "7770001112223";
    private static final Duration WAIT = Duration.ofSeconds(120);

    private static ElasticMq sqs;
    private static SqsClient sqsClient;
    private static String queueUrl;
    private static ScriptedLlmServer llm;
    private static RecordingGraphServer graph;
    private static TestDatabases.DbUrl database;
    private static Db db;
    private static BackendProcess backend;

    @BeforeAll
    static void start() throws Exception {
        sqs = ElasticMq.start();
        sqsClient = sqs.client();
        queueUrl = ElasticMq.createQueue(sqsClient, "crash-inbound");
        llm = ScriptedLlmServer.start();
        LlmScripts.sendNow(llm, "Thanks, we will get back to you shortly.");
        graph = RecordingGraphServer.start();
        database = TestDatabases.postgres();
        Map<String, String> env = new HashMap<>(BackendProcess.team(database, sqs.endpoint(), queueUrl, APP_SECRET,
                graph, llm));
        env.put("FUNNEL_VISIBILITY_SECONDS", "2");
        backend = new BackendProcess(Files.createTempDirectory("funnel-crash"), env).launch();
        ApiClient api = new ApiClient(backend.baseUri());
        api.signUp("Crash Test Ltd", "ops@crash.test");
        api.put("/settings/whatsapp", "{\"phone_number_id\":\"%s\",\"access_token\":\"EAAG-crash\"}"
                .formatted(PHONE_NUMBER_ID));
        db = Db.open(database.url(), database.user(), database.password());
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (backend != null) {
            backend.kill();
        }
        if (db != null) {
            db.close();
        }
        graph.close();
        llm.close();
        sqsClient.close();
        sqs.stopNow();
    }

    @Test
    void killedAtRandomTheBackendStillStoresEveryMessageOnceAndRepliesOncePerTurn() throws Exception {
        // everything is queued while the backend is down, so the kills land while it works through it
        backend.kill();
        for (int lead = 0; lead < LEADS; lead++) {
            byte[] body = Webhooks.text(PHONE_NUMBER_ID, "49170" + (1_000_000 + lead), "wamid.crash." + lead,
                    Webhooks.aMinuteAgo() + lead, "Hello, I am lead " + lead);
            String text = new String(body, StandardCharsets.UTF_8);
            sqsClient.sendMessage(b -> b.queueUrl(queueUrl).messageBody(text));
            sqsClient.sendMessage(b -> b.queueUrl(queueUrl).messageBody(text)); // Meta retried it
        }
        backend.launch();

        Random random = new Random(42);
        int killsWhileWorking = 0;
        for (int kill = 0; kill < KILLS; kill++) {
            Thread.sleep(300 + random.nextInt(900));
            if (count("SELECT COUNT(*) FROM messages WHERE message_from = 'bot' AND status = 'sent'") < LEADS) {
                killsWhileWorking++;
            }
            backend.kill();
            backend.launch();
        }

        Waits.until("every lead answered", WAIT, () -> count(
                "SELECT COUNT(*) FROM messages WHERE message_from = 'bot' AND status = 'sent'") == LEADS);
        Waits.until("the queue to drain", WAIT, () -> ElasticMq.inFlightOrWaiting(sqsClient, queueUrl) == 0);

        assertThat(killsWhileWorking).as("kills that landed while messages were in work").isGreaterThan(0);
        assertThat(count("SELECT COUNT(*) FROM messages WHERE message_from = 'lead'")).isEqualTo(LEADS);
        assertThat(count("SELECT COUNT(DISTINCT inbound_key) FROM messages WHERE message_from = 'lead'"))
                .isEqualTo(LEADS);
        assertThat(count("SELECT COUNT(*) FROM messages WHERE message_from = 'lead' AND turn_status = 'done'"))
                .isEqualTo(LEADS);
        assertThat(count("""
                SELECT COUNT(*) FROM conversations c WHERE (SELECT COUNT(*) FROM messages m
                WHERE m.conversation_id = c.id AND m.message_from = 'bot') = 1""")).isEqualTo(LEADS);
        assertThat(count("SELECT COUNT(*) FROM messages WHERE message_from = 'bot'")).isEqualTo(LEADS);
        Map<String, Long> sendsPerLead = graph.sends().stream()
                .collect(Collectors.groupingBy(c -> c.body().path("to").asText(), Collectors.counting()));
        assertThat(sendsPerLead).hasSize(LEADS);
        long resent = sendsPerLead.values().stream().filter(n -> n > 1).count();
        System.out.printf("crash test: %d kills (%d while working), %d replies re-sent after a kill mid-send%n",
                KILLS, killsWhileWorking, resent);
        // Meta takes no idempotency key: a kill between its answer and our commit can only be resent.
        assertThat(sendsPerLead.values()).allMatch(n -> n <= 2);
        assertThat(resent).isLessThanOrEqualTo(KILLS);
    }

    private static int count(String sql) {
        return db.inTransaction(tx -> tx.queryOne(sql, rs -> rs.getInt(1)).orElseThrow());
    }

}
