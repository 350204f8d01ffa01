package dev.funnel.backend.metrics;

import dev.funnel.backend.db.Db;
import dev.funnel.backend.events.EventBus;
import dev.funnel.gateway.GatewayMetrics;
import java.time.Clock;
import java.time.Duration;

/**
 * What {@code GET /metrics} tells an operator about this backend, server-wide and without any
 * organisation's data: the webhook route's deliveries and ack latency (as the gateway counts them),
 * the live events published by name (a message created, a person asked for, a CTA started...), the
 * consoles listening, and a few gauges read from the database when scraped — work waiting in the
 * local queue, conversations waiting for a person, follow-ups due and overdue.
 */
public final class BackendMetrics {

    /** A pending follow-up this late means the scheduler is not keeping up (or not running). */
    private static final Duration OVERDUE = Duration.ofMinutes(2);

    private BackendMetrics() {
    }

    public static GatewayMetrics create(Db db, EventBus bus, boolean localQueue, Clock clock) {
        GatewayMetrics metrics = new GatewayMetrics();
        metrics.counters("funnel_events_published_total", "Live events published, by event name.", "event",
                bus::publishedCounts);
        metrics.gauge("funnel_console_connections", "Consoles listening on /ws now.", bus::subscribers);
        if (localQueue) {
            metrics.gauge("funnel_local_queue_messages", "Webhook bodies waiting in the local queue.",
                    () -> count(db, "SELECT COUNT(*) FROM inbound_queue"));
        }
        metrics.gauge("funnel_conversations_needing_attention", "Conversations flagged for a person.",
                () -> count(db, "SELECT COUNT(*) FROM conversations WHERE needs_attention = TRUE"));
        metrics.gauge("funnel_followups_pending", "Follow-ups scheduled and not yet run.",
                () -> count(db, "SELECT COUNT(*) FROM scheduled_actions WHERE status = 'pending'"));
        metrics.gauge("funnel_followups_overdue", "Pending follow-ups more than two minutes past their time.",
                () -> count(db, "SELECT COUNT(*) FROM scheduled_actions WHERE status = 'pending' AND scheduled_at < ?",
                        clock.instant().minus(OVERDUE)));
        return metrics;
    }

    private static long count(Db db, String sql, Object... params) {
        return db.inTransaction(tx -> tx.queryOne(sql, rs -> rs.getLong(1), params)).orElse(0L);
    }
}
