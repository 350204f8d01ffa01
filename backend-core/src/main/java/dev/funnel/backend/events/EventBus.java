package dev.funnel.backend.events;

import dev.funnel.backend.http.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Live events for consoles, per organisation, as {@code {"event": name, "payload": {...}}} JSON text.
 * Publish only after the change the event describes has been committed.
 */
public final class EventBus {

    private static final Logger LOG = Logger.getLogger(EventBus.class.getName());

    private final Map<UUID, Set<Consumer<String>>> subscribers = new ConcurrentHashMap<>();

    /** Something listening to one organisation's events; close it to stop. */
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    public Subscription subscribe(UUID organisationId, Consumer<String> sink) {
        subscribers.computeIfAbsent(organisationId, id -> ConcurrentHashMap.newKeySet()).add(sink);
        return () -> subscribers.getOrDefault(organisationId, Set.of()).remove(sink);
    }

    public void publish(UUID organisationId, String event, Object payload) {
        String frame = envelope(event, payload);
        for (Consumer<String> sink : subscribers.getOrDefault(organisationId, Set.of())) {
            try {
                sink.accept(frame);
            } catch (RuntimeException e) {
                // one broken console must not keep the others from hearing the event
                LOG.log(Level.FINE, "Dropping an event for a closed subscriber", e);
            }
        }
    }

    public static String envelope(String event, Object payload) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("event", event);
        envelope.put("payload", payload == null ? Map.of() : payload);
        return Json.text(envelope);
    }
}
