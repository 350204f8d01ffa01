package dev.funnel.backend.events;

import java.time.Duration;

/**
 * The live connection's pace: {@code FUNNEL_WS_HEARTBEAT_MS} (how often the server sends a heartbeat,
 * default 25000) and {@code FUNNEL_EVENTS_RETENTION_HOURS} (how long events stay available to
 * consoles that resume, default 168: a week).
 */
public record LiveEventsConfig(Duration heartbeat, Duration retention) {

    public static final LiveEventsConfig DEFAULTS = new LiveEventsConfig(Duration.ofSeconds(25), Duration.ofDays(7));

    public LiveEventsConfig {
        if (heartbeat.isZero() || heartbeat.isNegative()) {
            throw new IllegalArgumentException("FUNNEL_WS_HEARTBEAT_MS must be at least 1");
        }
        if (retention.isZero() || retention.isNegative()) {
            throw new IllegalArgumentException("FUNNEL_EVENTS_RETENTION_HOURS must be at least 1");
        }
    }
}
