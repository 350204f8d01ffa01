package dev.funnel.backend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.backend.testing.ApiClient;
import dev.funnel.backend.testing.BackendProcess;
import dev.funnel.backend.testing.LlmScripts;
import dev.funnel.backend.testing.RecordingGraphServer;
import dev.funnel.backend.testing.TeamServers;
import dev.funnel.backend.testing.Waits;
import dev.funnel.backend.testing.Webhooks;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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

    private static TeamServers servers;
    private static BackendProcess backend;

    @BeforeAll
    static void start() throws Exception {
        servers = new TeamServers("crash-inbound");
        LlmScripts.sendNow(servers.llm, "Thanks, we will get back to you shortly.");
        Map<String, String> env = new HashMap<>(servers.environment(APP_SECRET));
        env.put("FUNNEL_VISIBILITY_SECONDS", "2");
        backend = new BackendProcess(Files.createTempDirectory("funnel-crash"), env).launch();
        ApiClient api = new ApiClient(backend.baseUri());
        api.signUp("Crash Test Ltd", "ops@crash.test");
        api.put("/settings/whatsapp", "{\"phone_number_id\":\"%s\",\"access_token\":\"EAAG-crash\"}"
                .formatted(PHONE_NUMBER_ID));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (backend != null) {
            backend.kill();
        }
        servers.close();
    }

    @Test
    void killedAtRandomTheBackendStillStoresEveryMessageOnceAndRepliesOncePerTurn() throws Exception {
        // everything is queued while the backend is down, so the kills land while it works through it
        backend.kill();
        for (int lead = 0; lead < LEADS; lead++) {
            byte[] body = Webhooks.text(PHONE_NUMBER_ID, "49170" + (1_000_000 + lead), "wamid.crash." + lead,
                    Webhooks.aMinuteAgo() + lead, "Hello, I am lead " + lead);
            servers.queue(body);
            servers.queue(body); // Meta retried it
        }
        List<Long> launches = new ArrayList<>(); // System.nanoTime() as each process started
        launches.add(System.nanoTime());
        backend.launch();

        Random random = new Random(42);
        int killsWhileWorking = 0;
        for (int kill = 0; kill < KILLS; kill++) {
            Thread.sleep(300 + random.nextInt(900));
            if (count("SELECT COUNT(*) FROM messages WHERE message_from = 'bot' AND status = 'sent'") < LEADS) {
                killsWhileWorking++;
            }
            backend.kill();
            launches.add(System.nanoTime());
            backend.launch();
        }

        Waits.until("every lead answered", WAIT, () -> count(
                "SELECT COUNT(*) FROM messages WHERE message_from = 'bot' AND status = 'sent'") == LEADS);
        Waits.until("the queue to drain", WAIT, servers::queueDrained);

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
        Map<String, List<Long>> sendsPerLead = servers.graph.sends().stream()
                .collect(Collectors.groupingBy(c -> c.body().path("to").asText(),
                        Collectors.mapping(RecordingGraphServer.Call::receivedNanos, Collectors.toList())));
        assertThat(sendsPerLead).hasSize(LEADS);
        long resent = sendsPerLead.values().stream().filter(sends -> sends.size() > 1).count();
        System.out.printf("crash test: %d kills (%d while working), %d replies re-sent after a kill mid-send%n",
                KILLS, killsWhileWorking, resent);
        // Meta takes no idempotency key: a kill between its answer and our commit can only be resent, by the
        // next process. Several turns send at once, so one kill may cut off several replies; but no process
        // sends a reply twice: a reply goes out again only after a kill.
        sendsPerLead.forEach((lead, sends) -> assertThat(sends.stream().map(at -> processAt(launches, at)))
                .as("the processes that sent %s its reply", lead)
                .doesNotHaveDuplicates());
    }

    /** Which of the launched processes was running at {@code nanos} (each ran until the next launch). */
    private static int processAt(List<Long> launches, long nanos) {
        int process = 0;
        while (process + 1 < launches.size() && launches.get(process + 1) <= nanos) {
            process++;
        }
        return process;
    }

    private static int count(String sql) {
        return servers.count(sql);
    }
}
