package dev.funnel.backend.events;

import dev.funnel.backend.db.DataAccessException;
import dev.funnel.backend.db.Db;
import dev.funnel.backend.http.Json;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Live events for consoles, per organisation. Each event is logged in {@code live_events}, which
 * gives it its cursor ({@code seq}), and then handed to the organisation's subscribers. Publish only
 * after the change the event describes has been committed.
 *
 * <p>One organisation's events are logged and handed out one at a time, so the order of their
 * cursors is the order in which they were committed and delivered: a console that resumes after
 * cursor n is missing exactly the logged events after n. Logging happens right after the change's
 * own commit rather than inside it: a cursor taken inside a long transaction would become visible
 * after later ones, and a console resuming past it would never see it.
 *
 * <p>On H2 this process is the only one, so an event is handed out as it is logged. On PostgreSQL
 * other backends may log the organisation's events too ({@link EventLog} keeps their cursors in commit
 * order and announces each); here the subscribers are instead handed everything the log holds after
 * the last event they were handed, whenever this process logs an event or hears another's
 * announcement ({@link Announcements}), and after the listening connection comes back.
 */
public final class EventBus implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EventBus.class.getName());
    private static final int REPLAY_PAGE = 500;
    private static final Duration PRUNE_EVERY = Duration.ofHours(1);

    private final Db db;
    private final Clock clock;
    private final Duration retention;
    private final EventLog log;
    private final Announcements announcements;
    private final Map<UUID, Channel> channels = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> published = new ConcurrentHashMap<>();
    private final ScheduledExecutorService pruner = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("funnel-events-prune").daemon().factory());

    /** One organisation's subscribers; its monitor orders the organisation's events. */
    private static final class Channel {
        private final Set<Consumer<LiveEvent>> sinks = ConcurrentHashMap.newKeySet();
        /** The cursor of the last event the sinks were handed, kept while there are sinks. */
        private long delivered;
    }

    /** Something listening to one organisation's events; close it to stop. */
    public interface Subscription extends AutoCloseable {

        /** Where the subscription began: every event of the organisation after this cursor reaches the sink. */
        long cursor();

        @Override
        void close();
    }

    /** @param retention how long logged events stay available to consoles that resume */
    public EventBus(Db db, Clock clock, Duration retention) {
        this.db = db;
        this.clock = clock;
        this.retention = retention;
        this.log = new EventLog(db.isPostgres());
        this.announcements = db.isPostgres() ? new Announcements(db::openSession, this::announced,
                () -> channels.forEach(this::catchUp)) : null;
    }

    /** Starts pruning events older than the retention, now and every hour, and hearing other backends' events. */
    public void start() {
        pruner.scheduleWithFixedDelay(this::prune, 0, PRUNE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        if (announcements != null) {
            announcements.start();
        }
    }

    public Subscription subscribe(UUID organisationId, Consumer<LiveEvent> sink) {
        Channel channel = channel(organisationId);
        synchronized (channel) {
            if (channel.sinks.isEmpty()) {
                // with no sinks nothing was handed out: the log says where the new one starts
                channel.delivered = db.inTransaction(tx -> log.latest(tx, organisationId));
            }
            long cursor = channel.delivered;
            channel.sinks.add(sink);
            return new Subscription() {
                @Override
                public long cursor() {
                    return cursor;
                }

                @Override
                public void close() {
                    channel.sinks.remove(sink);
                }
            };
        }
    }

    public void publish(UUID organisationId, String event, Object payload) {
        String json = Json.text(payload == null ? Map.of() : payload);
        Channel channel = channel(organisationId);
        synchronized (channel) {
            LiveEvent logged;
            try {
                logged = db.inTransaction(tx -> log.append(tx, organisationId, event, json, clock.instant()));
            } catch (DataAccessException e) {
                // the change itself is committed; consoles see it when they next load the screen
                LOG.log(Level.WARNING, "Could not log the live event " + event + "; consoles will not hear of it", e);
                return;
            }
            published.computeIfAbsent(event, e -> new LongAdder()).increment();
            if (announcements == null) {
                hand(channel, logged);
            } else {
                catchUp(organisationId, channel);
            }
        }
    }

    /** Another backend (or this one) logged the organisation's event {@code seq}. */
    private void announced(UUID organisationId, long seq) {
        Channel channel = channels.get(organisationId);
        if (channel != null) {
            synchronized (channel) {
                if (seq > channel.delivered) {
                    catchUp(organisationId, channel);
                }
            }
        }
    }

    /** Hands the sinks what the log holds after the last event they were handed; a failure waits for the next try. */
    private void catchUp(UUID organisationId, Channel channel) {
        synchronized (channel) {
            if (channel.sinks.isEmpty()) {
                return;
            }
            try {
                replay(organisationId, channel.delivered, event -> hand(channel, event));
            } catch (DataAccessException e) {
                LOG.log(Level.WARNING, "Could not read the live events after " + channel.delivered
                        + "; consoles hear of them with the organisation's next event", e);
            }
        }
    }

    private static void hand(Channel channel, LiveEvent event) {
        for (Consumer<LiveEvent> sink : channel.sinks) {
            try {
                sink.accept(event);
            } catch (RuntimeException e) {
                // one broken console must not keep the others from hearing the event
                LOG.log(Level.FINE, "Dropping an event for a closed subscriber", e);
            }
        }
        channel.delivered = event.seq();
    }

    /** How many events of each name were published since start (for /metrics). */
    public Map<String, Long> publishedCounts() {
        Map<String, Long> counts = new TreeMap<>();
        published.forEach((event, count) -> counts.put(event, count.sum()));
        return counts;
    }

    /** How many consoles listen now, across organisations. */
    public long subscribers() {
        return channels.values().stream().mapToLong(channel -> channel.sinks.size()).sum();
    }

    /** Hands the organisation's logged events after the cursor to the sink, oldest first. */
    public void replay(UUID organisationId, long afterSeq, Consumer<LiveEvent> sink) {
        long cursor = afterSeq;
        while (true) {
            long from = cursor;
            List<LiveEvent> page = db.inTransaction(tx -> log.after(tx, organisationId, from, REPLAY_PAGE));
            page.forEach(sink);
            if (page.size() < REPLAY_PAGE) {
                return;
            }
            cursor = page.getLast().seq();
        }
    }

    /** A frame about the connection itself (hello, heartbeat, ack, error): not logged, no cursor. */
    public static String envelope(String event, Object payload) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("event", event);
        envelope.put("payload", payload == null ? Map.of() : payload);
        return Json.text(envelope);
    }

    private Channel channel(UUID organisationId) {
        return channels.computeIfAbsent(organisationId, id -> new Channel());
    }

    private void prune() {
        try {
            int pruned = db.inTransaction(tx -> log.pruneBefore(tx, clock.instant().minus(retention)));
            if (pruned > 0) {
                LOG.fine(() -> "Pruned " + pruned + " live events older than " + retention);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Pruning old live events failed; trying again in an hour", e);
        }
    }

    @Override
    public void close() {
        if (announcements != null) {
            announcements.close();
        }
        pruner.shutdownNow();
    }
}
