package dev.funnel.backend.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.backend.RunningBackend;
import dev.funnel.backend.testing.ApiClient;
import dev.funnel.backend.testing.RecordingGraphServer;
import dev.funnel.backend.testing.SoloBackend;
import dev.funnel.backend.testing.Waits;
import dev.funnel.backend.testing.Webhooks;
import dev.funnel.backend.webhook.BodyMutator;
import dev.funnel.backend.webhook.MalformedWebhookException;
import dev.funnel.backend.webhook.WebhookParser;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 10,000 mutated real bodies, each with a valid signature, through the backend's own webhook route,
 * queue and worker: never a 5xx, never a stuck or dead worker, every unreadable body recorded.
 */
class WorkerRobustnessIT {

    private static final int BODIES = 10_000;
    private static final String SECRET = "robust-secret";

    @Test
    void mutatedBodiesNeverBreakTheWorkerAndUnreadableOnesAreRecorded(@TempDir Path dataDir) throws Exception {
        // connecting the number asks the Graph API about it: the recording one answers
        try (RecordingGraphServer graph = RecordingGraphServer.start();
             RunningBackend backend = SoloBackend.start(dataDir, Map.of(
                     "WHATSAPP_APP_SECRET", SECRET,
                     "WHATSAPP_GRAPH_URL", graph.baseUrl().toString(),
                     "FUNNEL_DEBOUNCE_MS", "0"))) {
            ApiClient api = new ApiClient(backend.baseUri());
            api.signUp("Robust Co", "ops@robust.test");
            api.put("/settings/whatsapp", "{\"phone_number_id\":\"1122334455667\",\"access_token\":\"EAAG-r\"}");
            URI webhook = backend.baseUri().resolve("/webhook");
            List<byte[]> bodies = mutants();
            WebhookParser parser = new WebhookParser();
            long unreadable = bodies.stream().filter(b -> isUnreadable(parser, b)).count();

            List<Integer> statuses = post(webhook, bodies);

            assertThat(statuses).as("HTTP statuses").allMatch(s -> s < 500);
            Waits.until("the worker to work through the queue", Duration.ofMinutes(3),
                    () -> count(backend, "SELECT COUNT(*) FROM inbound_queue") == 0);
            int queued = (int) statuses.stream().filter(s -> s == 200).count();
            assertThat(count(backend, "SELECT COUNT(*) FROM rejected_webhooks WHERE reason LIKE 'Unreadable webhook:%'"))
                    .as("unreadable bodies recorded as rejected").isEqualTo(unreadableQueued(parser, bodies, statuses));
            assertThat(count(backend, "SELECT COUNT(*) FROM rejected_webhooks WHERE reason LIKE 'Failed after%'"))
                    .as("bodies that failed on every attempt").isZero();
            System.out.printf("worker robustness: %d bodies, %d queued, %d unreadable (all recorded)%n",
                    bodies.size(), queued, unreadable);

            byte[] valid = Webhooks.text("1122334455667", "15551234567", "wamid.after-fuzz", 1_760_000_000L, "still there?");
            assertThat(Webhooks.postSigned(webhook, SECRET, valid)).isEqualTo(200);
            Waits.until("the worker to still store messages", Duration.ofSeconds(30), () -> count(backend,
                    "SELECT COUNT(*) FROM messages WHERE wa_message_id = 'wamid.after-fuzz'") == 1);
        }
    }

    private static long unreadableQueued(WebhookParser parser, List<byte[]> bodies, List<Integer> statuses) {
        long n = 0;
        for (int i = 0; i < bodies.size(); i++) {
            if (statuses.get(i) == 200 && isUnreadable(parser, bodies.get(i))) {
                n++;
            }
        }
        return n;
    }

    private static boolean isUnreadable(WebhookParser parser, byte[] body) {
        try {
            parser.parse(body);
            return false;
        } catch (MalformedWebhookException e) {
            return true;
        }
    }

    private static List<Integer> post(URI webhook, List<byte[]> bodies) throws Exception {
        try (ExecutorService posters = Executors.newFixedThreadPool(6)) {
            List<Future<Integer>> sent = new ArrayList<>();
            for (byte[] body : bodies) {
                sent.add(posters.submit(() -> Webhooks.postSigned(webhook, SECRET, body)));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : sent) {
                statuses.add(f.get());
            }
            return statuses;
        }
    }

    private static List<byte[]> mutants() throws IOException {
        List<byte[]> originals = new ArrayList<>();
        try (InputStream in = WorkerRobustnessIT.class.getResourceAsStream("/meta-webhooks/MANIFEST.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String name = line.split("\t")[0];
                if (name.endsWith(".json")) {
                    originals.add(Webhooks.fixture(name));
                }
            }
        }
        BodyMutator mutator = new BodyMutator(new Random(7));
        List<byte[]> bodies = new ArrayList<>();
        for (int i = 0; i < BODIES; i++) {
            bodies.add(mutator.mutate(originals.get(i % originals.size())).body());
        }
        return bodies;
    }

    private static int count(RunningBackend backend, String sql) {
        return backend.db().inTransaction(tx -> tx.queryOne(sql, rs -> rs.getInt(1)).orElseThrow());
    }
}
