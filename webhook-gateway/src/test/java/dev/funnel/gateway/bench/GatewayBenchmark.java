package dev.funnel.gateway.bench;

import dev.funnel.gateway.GatewayMain;
import dev.funnel.gateway.GatewayMetrics;
import dev.funnel.gateway.HealthService;
import dev.funnel.gateway.MetricsService;
import dev.funnel.gateway.SignatureVerifier;
import dev.funnel.gateway.TestBodies;
import dev.funnel.gateway.WebhookService;
import dev.funnel.gateway.queue.ElasticMq;
import dev.funnel.gateway.queue.InboundQueue;
import dev.funnel.gateway.queue.SqsInboundQueue;
import io.helidon.webserver.WebServer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.logging.FileHandler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Measures the gateway on loopback (docs/benchmarks.md has the command and the figures):
 * (a) wrk throughput of signed webhooks against a Helidon hello-world in the same JVM, and
 * (b) the ack latency percentiles at a fixed 2,000 requests/s from {@link FixedRateClient}, since
 * Debian has wrk but not wrk2. Not a test: it prints figures and asserts nothing.
 *
 * <p>System properties: {@code bench.seconds} (10), {@code bench.connections} (64), {@code bench.rate}
 * (2000), {@code bench.fifo} (false), {@code bench.senders} ({@link SqsInboundQueue#DEFAULT_SENDERS}),
 * {@code bench.log} (true: delivery lines go to a file; false turns them off).
 */
public final class GatewayBenchmark {

    private static final String APP_SECRET = "bench-app-secret";
    private static final Pattern REQUESTS_PER_SECOND = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
    private static final Pattern WRK_P99 = Pattern.compile("\\s99%\\s+(\\S+)");

    private GatewayBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = Integer.getInteger("bench.seconds", 10);
        int connections = Integer.getInteger("bench.connections", 64);
        int rate = Integer.getInteger("bench.rate", 2000);
        boolean fifo = Boolean.getBoolean("bench.fifo");
        int senders = Integer.getInteger("bench.senders", SqsInboundQueue.DEFAULT_SENDERS);
        Path work = Files.createTempDirectory("gateway-bench");

        byte[] body = TestBodies.metaWebhook(TestBodies.TEXT_WITH_AD_REFERRAL);
        String signature = new SignatureVerifier(APP_SECRET).sign(body);
        Path script = wrkScript(work, body, signature);

        ElasticMq elasticMq = ElasticMq.start();
        SqsClient sqs = elasticMq.client();
        String queueUrl = ElasticMq.createQueue(sqs, fifo ? "bench.fifo" : "bench");
        var queue = new SqsInboundQueue(sqs, queueUrl, senders);
        var metrics = new GatewayMetrics();
        var webhook = new WebhookService(APP_SECRET, "bench-verify-token", queue, metrics);
        WebServer gateway = WebServer.builder().host("127.0.0.1").port(0)
                .routing(r -> GatewayMain.routing(r, webhook, new HealthService(queue), new MetricsService(metrics)))
                .build().start();
        // the same gateway with a queue that accepts instantly: the gateway's own ceiling, SQS aside
        var noQueue = new WebhookService(APP_SECRET, "bench-verify-token", new DiscardingQueue());
        WebServer gatewayAlone = WebServer.builder().host("127.0.0.1").port(0)
                .routing(r -> GatewayMain.routing(r, noQueue, new HealthService(new DiscardingQueue())))
                .build().start();
        WebServer hello = WebServer.builder().host("127.0.0.1").port(0)
                .routing(r -> r.get("/hello", (req, res) -> res.send("Hello World!")))
                .build().start();
        URI webhookUri = URI.create("http://127.0.0.1:" + gateway.port() + "/webhook");
        URI aloneUri = URI.create("http://127.0.0.1:" + gatewayAlone.port() + "/webhook");
        URI helloUri = URI.create("http://127.0.0.1:" + hello.port() + "/hello");
        // after the servers start: Helidon's logging set-up at start resets JUL's handlers
        FileHandler deliveryLog = logDeliveriesTo(work.resolve("deliveries.log"));
        if (!Boolean.parseBoolean(System.getProperty("bench.log", "true"))) {
            Logger.getLogger(WebhookService.DELIVERY_LOGGER).setLevel(Level.OFF);
        }
        var cpu = new CpuMeter();

        try {
            System.out.printf(Locale.ROOT, "gateway benchmark: %d cores, %s queue, %d senders, wrk %d s x %d connections%n",
                    Runtime.getRuntime().availableProcessors(), fifo ? "FIFO" : "standard", senders, seconds, connections);
            // warm both servers' JIT before anything is measured
            wrk(helloUri, null, 3, connections);
            wrk(aloneUri, script, 3, connections);
            wrk(webhookUri, script, 3, connections);
            sqs.purgeQueue(r -> r.queueUrl(queueUrl));
            long batchesBefore = queue.batchesSent();
            long sentBefore = queue.messagesSent();

            String helloRun = wrk(helloUri, null, seconds, connections);
            String aloneRun = wrk(aloneUri, script, seconds, connections);
            cpu.restart();
            String webhookRun = wrk(webhookUri, script, seconds, connections);
            String webhookCpu = cpu.shares();
            double helloRps = number(REQUESTS_PER_SECOND, helloRun);
            long batches = queue.batchesSent() - batchesBefore;
            long sent = queue.messagesSent() - sentBefore;
            System.out.printf(Locale.ROOT, "(a) hello-world                 %,8.0f req/s  (wrk p99 %s)%n",
                    helloRps, text(WRK_P99, helloRun));
            wrkLine("signed webhook, no queue     ", aloneRun, helloRps);
            wrkLine("signed webhook over ElasticMQ", webhookRun, helloRps);
            System.out.printf(Locale.ROOT, "    %,d messages in %,d SendMessageBatch calls, %.1f per batch; %s%n",
                    sent, batches, sent / (double) Math.max(1, batches), webhookCpu);
            sqs.purgeQueue(r -> r.queueUrl(queueUrl));

            Duration run = Duration.ofSeconds(Math.max(seconds, 10));
            var client = new FixedRateClient(rate);
            report("(b) hello-world               ", rate, client.run(helloUri, null, null, run));
            report("    signed webhook, no queue  ", rate, client.run(aloneUri, body, signature, run));
            cpu.restart();
            report("    signed webhook on ElasticMQ", rate, client.run(webhookUri, body, signature, run));
            System.out.println("    " + cpu.shares());
            System.out.println("    server-side ack latency since start (GET /metrics):");
            metrics.scrape().lines().filter(l -> l.startsWith("funnel_webhook_ack_latency_seconds{"))
                    .forEach(l -> System.out.println("      " + l));
        } finally {
            hello.stop();
            gatewayAlone.stop();
            gateway.stop();
            queue.close();
            elasticMq.stopNow();
            deliveryLog.close();
            try (var files = Files.list(work)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(work);
        }
    }

    private static void wrkLine(String name, String run, double helloRps) {
        double rps = number(REQUESTS_PER_SECOND, run);
        System.out.printf(Locale.ROOT, "    %s %,8.0f req/s  (wrk p99 %s, non-2xx %s), ratio to hello-world %.2f (target >= 0.5)%n",
                name, rps, text(WRK_P99, run), text(NON_2XX, run), rps / helloRps);
    }

    /** Accepts everything at once, to measure the gateway without any queue's cost. */
    private static final class DiscardingQueue implements InboundQueue {
        @Override
        public void enqueue(byte[] rawBody) {
        }

        @Override
        public boolean isReachable() {
            return true;
        }
    }

    private static void report(String name, int rate, FixedRateClient.Result result) {
        Histogram h = result.latency();
        System.out.printf(Locale.ROOT,
                "%s at %,d req/s: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms (%,d requests, %d not 200)%n",
                name, rate, ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(90)), ms(h.getValueAtPercentile(99)),
                ms(h.getValueAtPercentile(99.9)), ms(h.getMaxValue()), h.getTotalCount(), result.failures());
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    // Delivery lines go to a file, as they would to a log shipper: their cost is measured, the console stays readable.
    private static FileHandler logDeliveriesTo(Path file) throws IOException {
        var handler = new FileHandler(file.toString());
        handler.setFormatter(new SimpleFormatter());
        Logger deliveries = Logger.getLogger(WebhookService.DELIVERY_LOGGER);
        deliveries.setUseParentHandlers(false);
        deliveries.addHandler(handler);
        return handler;
    }

    private static Path wrkScript(Path dir, byte[] body, String signature) throws IOException {
        Path bodyFile = Files.write(dir.resolve("body.json"), body);
        String lua = """
                wrk.method = "POST"
                local f = assert(io.open("%s", "rb"))
                wrk.body = f:read("*a")
                f:close()
                wrk.headers["Content-Type"] = "application/json"
                wrk.headers["X-Hub-Signature-256"] = "%s"
                """.formatted(bodyFile, signature);
        return Files.writeString(dir.resolve("signed-webhook.lua"), lua);
    }

    private static String wrk(URI uri, Path script, int seconds, int connections) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("wrk", "-t2", "-c" + connections, "-d" + seconds + "s", "--latency"));
        if (script != null) {
            command.addAll(List.of("-s", script.toString()));
        }
        command.add(uri.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException("wrk failed (is it installed? apt-get install -y wrk):\n" + output);
        }
        return output;
    }

    private static double number(Pattern pattern, String output) {
        return Double.parseDouble(text(pattern, output));
    }

    private static String text(Pattern pattern, String output) {
        Matcher m = pattern.matcher(output);
        return m.find() ? m.group(1) : "0";
    }
}
