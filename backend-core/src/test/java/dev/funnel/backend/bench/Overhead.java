package dev.funnel.backend.bench;

import dev.funnel.backend.RunningBackend;
import dev.funnel.backend.testing.RecordingGraphServer;
import dev.funnel.backend.testing.ScriptedLlmServer;
import dev.funnel.backend.testing.Webhooks;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Non-LLM overhead per message at a moderate rate (50 messages/s): from the webhook's 200 to the
 * reply reaching the Graph API, minus the time the four model calls took as the client measured them.
 */
final class Overhead {

    private static final int MESSAGES = 300;

    private Overhead() {
    }

    static void measure(RunningBackend backend, URI webhook, RecordingGraphServer graph, ScriptedLlmServer llm,
                        String secret, String phoneNumberId) throws Exception {
        Map<String, Long> accepted = new ConcurrentHashMap<>();
        for (int i = 0; i < MESSAGES; i++) {
            String phone = "6655" + (100000 + i);
            byte[] body = Webhooks.text(phoneNumberId, phone, "wamid.overhead." + i, Webhooks.aMinuteAgo() + i, "Price?");
            Webhooks.postSigned(webhook, secret, body);
            accepted.put(phone, System.nanoTime());
            Thread.sleep(20);
        }
        Map<String, Long> replied = new ConcurrentHashMap<>();
        while (replied.size() < MESSAGES) {
            for (RecordingGraphServer.Call call : graph.calls()) {
                String to = call.body().path("to").asText();
                if (accepted.containsKey(to)) {
                    replied.putIfAbsent(to, call.receivedNanos());
                }
            }
            Thread.sleep(20);
        }
        Map<String, Long> modelMillis = backend.db().inTransaction(tx -> {
            Map<String, Long> byPhone = new ConcurrentHashMap<>();
            tx.query("""
                    SELECT l.phone, SUM(e.latency_ms) AS ms FROM conversation_events e
                    JOIN conversations c ON c.id = e.conversation_id JOIN leads l ON l.id = c.lead_id
                    WHERE l.phone LIKE '6655%' AND e.event_type = 'pipeline_step' GROUP BY l.phone""",
                    rs -> byPhone.put(rs.getString("phone"), rs.getLong("ms")));
            return byPhone;
        });
        List<Double> overheadMs = new ArrayList<>();
        for (Map.Entry<String, Long> e : accepted.entrySet()) {
            double total = (replied.get(e.getKey()) - e.getValue()) / 1e6;
            overheadMs.add(total - modelMillis.getOrDefault(e.getKey(), 0L));
        }
        Collections.sort(overheadMs);
        System.out.printf("non-LLM overhead per message (%d messages at 50/s): p50 %.1f ms, p99 %.1f ms"
                + " (targets <= 5 ms, <= 30 ms)%n", MESSAGES, percentile(overheadMs, 0.50), percentile(overheadMs, 0.99));
    }

    private static double percentile(List<Double> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }
}
