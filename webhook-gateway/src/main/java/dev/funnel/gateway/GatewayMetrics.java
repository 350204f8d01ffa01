package dev.funnel.gateway;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The gateway's counters, in Prometheus text form. One instance is shared by everything that serves
 * webhooks in a process (the gateway alone, or the backend mounting the same routes), so a single
 * {@code /metrics} tells the whole story.
 *
 * <p>Recording is lock-free ({@link LongAdder}, HdrHistogram's {@link Recorder}) because it happens on
 * every delivery; only a scrape takes a lock.
 */
public final class GatewayMetrics {

    private static final double[] QUANTILES = {0.5, 0.9, 0.99};
    // latencies are kept in microseconds up to a minute; longer ones are counted as a minute
    private static final long MAX_LATENCY_MICROS = TimeUnit.MINUTES.toMicros(1);

    private final Map<Integer, LongAdder> deliveriesByStatus = new ConcurrentHashMap<>();
    private final LongAdder enqueueFailures = new LongAdder();
    private final LongAdder acceptedBytes = new LongAdder();
    private final LongAdder ackNanos = new LongAdder();
    private final LongAdder acks = new LongAdder();
    private final Recorder ackLatency = new Recorder(1, MAX_LATENCY_MICROS, 2);
    private final Histogram ackLatencySinceStart = new Histogram(1, MAX_LATENCY_MICROS, 2); // guarded by this
    private Histogram interval; // guarded by this; recycled between scrapes
    private final List<Extra> extras = new CopyOnWriteArrayList<>();

    /** A metric read at scrape time: a counter or a gauge, with one value per label value. */
    private record Extra(String name, String type, String help, String label, Supplier<Map<String, Long>> values) {
    }

    /**
     * Counts one answered request to the webhook endpoint. A 200 also counts its bytes and its latency
     * as an acknowledgement; other answers are not acks, so they stay out of the latency summary.
     */
    public void delivery(int status, long bodyBytes, long latencyNanos) {
        deliveriesByStatus.computeIfAbsent(status, s -> new LongAdder()).increment();
        if (status == 200) {
            acceptedBytes.add(bodyBytes);
            ackNanos.add(latencyNanos);
            acks.increment();
            ackLatency.recordValue(Math.clamp(TimeUnit.NANOSECONDS.toMicros(latencyNanos), 1, MAX_LATENCY_MICROS));
        }
    }

    /** Counts a verified delivery the queue did not accept (answered 503, so Meta retries). */
    public void enqueueFailure() {
        enqueueFailures.increment();
    }

    /**
     * Adds a counter read at scrape time, e.g. the queue's batch count. {@code name} must be a valid
     * Prometheus metric name ending in {@code _total}.
     */
    public void counter(String name, String help, LongSupplier value) {
        extras.add(new Extra(name, "counter", help, null, () -> Map.of("", value.getAsLong())));
    }

    /** Adds a counter with one value per {@code label} value, read at scrape time (e.g. events by name). */
    public void counters(String name, String help, String label, Supplier<Map<String, Long>> values) {
        extras.add(new Extra(name, "counter", help, label, values));
    }

    /** Adds a gauge read at scrape time, e.g. how many messages wait in a queue. */
    public void gauge(String name, String help, LongSupplier value) {
        extras.add(new Extra(name, "gauge", help, null, () -> Map.of("", value.getAsLong())));
    }

    /** How many requests were answered with this status. */
    public long deliveries(int status) {
        LongAdder count = deliveriesByStatus.get(status);
        return count == null ? 0 : count.sum();
    }

    public long enqueueFailures() {
        return enqueueFailures.sum();
    }

    /** The text exposition format, version 0.0.4. Latency quantiles are over everything since start. */
    public synchronized String scrape() {
        var out = new StringBuilder(1024);
        header(out, "funnel_webhook_deliveries_total", "counter", "Webhook requests answered, by HTTP status.");
        new TreeMap<>(deliveriesByStatus).forEach((status, count) -> out.append("funnel_webhook_deliveries_total{status=\"")
                .append(status).append("\"} ").append(count.sum()).append('\n'));
        counter(out, "funnel_webhook_enqueue_failures_total",
                "Verified deliveries the queue did not accept (answered 503).", enqueueFailures.sum());
        counter(out, "funnel_webhook_accepted_bytes_total", "Body bytes acknowledged with 200.", acceptedBytes.sum());

        interval = ackLatency.getIntervalHistogram(interval);
        ackLatencySinceStart.add(interval);
        header(out, "funnel_webhook_ack_latency_seconds", "summary",
                "Time from request to 200, queue send included.");
        for (double quantile : QUANTILES) {
            out.append("funnel_webhook_ack_latency_seconds{quantile=\"").append(quantile).append("\"} ")
                    .append(ackLatencySinceStart.getTotalCount() == 0
                            ? "NaN"
                            : seconds(ackLatencySinceStart.getValueAtPercentile(quantile * 100)))
                    .append('\n');
        }
        out.append("funnel_webhook_ack_latency_seconds_sum ").append(ackNanos.sum() / 1e9).append('\n');
        out.append("funnel_webhook_ack_latency_seconds_count ").append(acks.sum()).append('\n');

        for (Extra extra : extras) {
            header(out, extra.name(), extra.type(), extra.help());
            new TreeMap<>(extra.values().get()).forEach((labelValue, value) -> {
                out.append(extra.name());
                if (extra.label() != null) {
                    out.append('{').append(extra.label()).append("=\"").append(labelValue).append("\"}");
                }
                out.append(' ').append(value).append('\n');
            });
        }
        return out.toString();
    }

    private static void counter(StringBuilder out, String name, String help, long value) {
        header(out, name, "counter", help);
        out.append(name).append(' ').append(value).append('\n');
    }

    private static void header(StringBuilder out, String name, String type, String help) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private static String seconds(long micros) {
        return Double.toString(micros / 1e6);
    }
}
