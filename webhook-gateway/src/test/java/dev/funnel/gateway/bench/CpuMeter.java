package dev.funnel.gateway.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Where this JVM's CPU went between two points, by thread group: ElasticMQ shares the machine with the
 * gateway in the benchmark, and this tells their shares apart. Virtual threads run on the
 * {@code ForkJoinPool} carriers, so the gateway's request handling shows up there.
 */
final class CpuMeter {

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private Map<String, Long> start = sample();

    void restart() {
        start = sample();
    }

    /** Each group's share of the CPU used since the last (re)start, e.g. "ElasticMQ 61%, ...". */
    String shares() {
        Map<String, Long> end = sample();
        Map<String, Long> used = new HashMap<>();
        end.forEach((group, nanos) -> used.put(group, nanos - start.getOrDefault(group, 0L)));
        long total = used.values().stream().mapToLong(Long::longValue).sum();
        var out = new StringJoiner(", ");
        used.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> out.add(String.format(Locale.ROOT, "%s %.0f%%", e.getKey(), 100.0 * e.getValue() / total)));
        return String.format(Locale.ROOT, "%.1f CPU-s in this JVM: %s", total / 1e9, out);
    }

    private Map<String, Long> sample() {
        Map<String, Long> byGroup = new HashMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            long cpu = info == null ? -1 : threads.getThreadCpuTime(info.getThreadId());
            if (cpu > 0) {
                byGroup.merge(group(info.getThreadName()), cpu, Long::sum);
            }
        }
        return byGroup;
    }

    private static String group(String thread) {
        if (thread.startsWith("elasticmq")) {
            return "ElasticMQ";
        }
        if (thread.startsWith("sqs-sender")) {
            return "SQS senders (AWS SDK)";
        }
        if (thread.startsWith("ForkJoinPool-")) {
            return "gateway requests";
        }
        if (thread.startsWith("HttpClient")) {
            return "benchmark client";
        }
        return "other";
    }
}
