package dev.funnel.backend.bench;

import dev.funnel.backend.BackendConfig;
import dev.funnel.backend.BackendServer;
import dev.funnel.backend.RunningBackend;
import dev.funnel.backend.testing.ApiClient;
import dev.funnel.backend.testing.LlmScripts;
import dev.funnel.backend.testing.RecordingGraphServer;
import dev.funnel.backend.testing.ScriptedLlmServer;
import dev.funnel.backend.testing.Webhooks;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Worker benchmarks (issue [2/7] point 8), printed as figures, never asserted:
 * <ol>
 *   <li>throughput with a model that answers at once, on H2 with the local queue: from a backlog
 *       (the worker alone), and end to end with webhooks posted to the same process;</li>
 *   <li>non-LLM overhead per message at a moderate rate: webhook accepted → reply at the Graph API,
 *       minus the four model calls;</li>
 *   <li>1,000 leads at once with 200 ms per model call, against the LLM-bound ideal (4 × 200 ms).</li>
 * </ol>
 * Run: {@code ./funnel bench} (see docs/benchmarks.md).
 */
public final class WorkerBenchmark {

    private static final String SECRET = "bench-secret";
    private static final String PHONE_NUMBER_ID = "5550009990001";

    private WorkerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int throughputMessages = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        // the JIT compilers take a third of the CPU for the first few thousand messages: measure after them
        int warmUpMessages = args.length > 1 ? Integer.parseInt(args[1]) : 4000;
        try (ScriptedLlmServer llm = ScriptedLlmServer.start(); RecordingGraphServer graph = RecordingGraphServer.start()) {
            LlmScripts.sendNow(llm, "Thanks! A colleague will confirm the details.");
            llm.countTokensRoughly();
            Path dataDir = Files.createTempDirectory("funnel-bench");
            // an H2 file, as the console has it (the default when FUNNEL_DB_URL is not set)
            RunningBackend backend = BackendServer.start(BackendConfig.fromEnvironment(Map.ofEntries(
                    Map.entry("FUNNEL_PORT", "0"),
                    Map.entry("FUNNEL_HOST", "127.0.0.1"),
                    Map.entry("FUNNEL_DATA_DIR", dataDir.toString()),
                    Map.entry("WHATSAPP_APP_SECRET", SECRET),
                    Map.entry("WHATSAPP_GRAPH_URL", graph.baseUrl().toString()),
                    Map.entry("LLM_BASE_URL", llm.baseUrl()),
                    Map.entry("LLM_API_KEY", "k"),
                    Map.entry("LLM_MODEL", "bench"),
                    Map.entry("FUNNEL_DEBOUNCE_MS", "0"),
                    // one business number answers every lead here; Meta's own pacing (80 messages/s by
                    // default, up to 1,000 on higher tiers) is not what this measures
                    Map.entry("WHATSAPP_MESSAGES_PER_SECOND", "1000000"),
                    Map.entry("FUNNEL_MAX_PARALLEL_TURNS", System.getProperty("bench.parallelTurns", "1000")))));
            try {
                ApiClient api = new ApiClient(backend.baseUri());
                api.signUp("Bench Ltd", "bench@bench.test");
                api.put("/settings/whatsapp", "{\"phone_number_id\":\"%s\",\"access_token\":\"EAAG-bench\"}"
                        .formatted(PHONE_NUMBER_ID));
                URI webhook = backend.baseUri().resolve("/webhook");

                run(webhook, graph, warmUpMessages, "warm-up");
                double seconds = drain(backend, webhook, graph, throughputMessages, "backlog");
                System.out.printf("worker throughput (instant model, H2, local queue, from a backlog): %d messages"
                        + " in %.2f s = %.0f messages/s (target >= 500)%n", throughputMessages, seconds,
                        throughputMessages / seconds);
                double endToEnd = run(webhook, graph, throughputMessages, "end-to-end");
                System.out.printf("solo end to end (16 clients posting webhooks to the same process): %d messages"
                        + " in %.2f s = %.0f messages/s%n", throughputMessages, endToEnd, throughputMessages / endToEnd);

                Overhead.measure(backend, webhook, graph, llm, SECRET, PHONE_NUMBER_ID);

                llm.delay(Duration.ofMillis(200));
                double wall = run(webhook, graph, 1000, "thousand");
                double ideal = 4 * 0.2;
                System.out.printf("1,000 leads at once, 200 ms per model call: wall %.2f s, LLM-bound ideal %.2f s,"
                        + " ratio %.2f (target <= 1.3)%n", wall, ideal, wall / ideal);
            } finally {
                backend.stop();
            }
        }
        System.exit(0);
    }

    /**
     * The worker alone: one message from each of {@code leads} new leads is already queued (a backlog,
     * as after an outage) and the worker answers them all; returns the seconds that took. Webhook
     * acceptance is the gateway's and has its own benchmark.
     */
    static double drain(RunningBackend backend, URI webhook, RecordingGraphServer graph, int leads, String tag)
            throws InterruptedException {
        List<byte[]> bodies = bodies(leads, tag);
        int before = graph.sendCount();
        long start = System.nanoTime();
        long cpuStart = processCpuNanos();
        Instant now = Instant.now();
        backend.db().inTransactionRun(tx -> {
            for (byte[] body : bodies.subList(0, leads - 1)) {
                tx.update("INSERT INTO inbound_queue (body, enqueued_at, visible_at) VALUES (?, ?, ?)", body, now, now);
            }
        });
        // the last one through the webhook route, which wakes the worker as every delivery does
        Webhooks.postSigned(webhook, SECRET, bodies.getLast());
        while (graph.sendCount() - before < leads) {
            Thread.sleep(5);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("  %s: %.2f ms of CPU per message (the whole JVM: worker, model and Graph API servers)%n",
                tag, (processCpuNanos() - cpuStart) / 1e6 / leads);
        return seconds;
    }

    /** CPU time of this JVM (all threads): stable when the machine is shared, unlike wall time. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static List<byte[]> bodies(int leads, String tag) {
        List<byte[]> bodies = new ArrayList<>();
        for (int i = 0; i < leads; i++) {
            bodies.add(Webhooks.text(PHONE_NUMBER_ID, Math.abs(tag.hashCode() % 1000) + "77" + (100000 + i),
                    "wamid." + tag + "." + i, Webhooks.aMinuteAgo() + i, "Hi, what does it cost? (" + i + ")"));
        }
        return bodies;
    }

    /** Posts one message from each of {@code leads} new leads at once; returns seconds until all are answered. */
    static double run(URI webhook, RecordingGraphServer graph, int leads, String tag) throws Exception {
        int before = graph.sendCount();
        List<byte[]> bodies = bodies(leads, tag);
        long start = System.nanoTime();
        try (ExecutorService posters = Executors.newFixedThreadPool(16)) {
            List<Future<Integer>> sent = new ArrayList<>();
            for (byte[] body : bodies) {
                sent.add(posters.submit(() -> Webhooks.postSigned(webhook, SECRET, body)));
            }
            for (Future<Integer> f : sent) {
                if (f.get() != 200) {
                    throw new IllegalStateException("webhook refused: " + f.get());
                }
            }
        }
        double accepted = (System.nanoTime() - start) / 1e9;
        while (graph.sendCount() - before < leads) {
            Thread.sleep(5);
        }
        double answered = (System.nanoTime() - start) / 1e9;
        System.out.printf("  %s: %d webhooks accepted in %.2f s, all answered in %.2f s%n", tag, leads, accepted, answered);
        return answered;
    }
}
