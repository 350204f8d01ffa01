package dev.funnel.backend.events;

import io.helidon.websocket.WsCloseCodes;
import io.helidon.websocket.WsSession;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What one console's socket is sent, written by one thread in order: a hello, the logged events it
 * missed when it resumes, then live events, heartbeats and answers to its own messages. Live events
 * are queued from the moment of subscribing, so none is lost while missed ones are replayed from the
 * log; an event sent once (replayed or live) is never sent again. A console that reads too slowly
 * to keep up is disconnected: it resumes from the log when it reconnects.
 */
final class LiveStream {

    private static final Logger LOG = Logger.getLogger(LiveStream.class.getName());
    private static final int OUTBOX_LIMIT = 10_000;

    private sealed interface Item {
    }

    private record Live(LiveEvent event) implements Item {
    }

    private record Control(String frame) implements Item {
    }

    private record Resume(long after) implements Item {
    }

    private final WsSession session;
    private final EventBus bus;
    private final UUID organisationId;
    private final Duration heartbeat;
    private final BlockingQueue<Item> outbox = new LinkedBlockingQueue<>(OUTBOX_LIMIT);
    private volatile boolean overflowed;
    private volatile boolean closed;
    private EventBus.Subscription subscription;
    private Thread writer;

    // the writer thread's own: every event of the organisation in (sentAfter, lastSent] has been sent
    private long sentAfter = -1;
    private long lastSent;

    LiveStream(WsSession session, EventBus bus, UUID organisationId, Duration heartbeat) {
        this.session = session;
        this.bus = bus;
        this.organisationId = organisationId;
        this.heartbeat = heartbeat;
    }

    /** Subscribes and starts writing; with a cursor, the events after it are replayed before live ones. */
    void open(OptionalLong resumeAfter) {
        resumeAfter.ifPresent(this::resume);
        subscription = bus.subscribe(organisationId, this::offer);
        writer = Thread.ofVirtual().name("funnel-ws-" + organisationId).start(this::write);
    }

    void resume(long after) {
        enqueue(new Resume(after));
    }

    void control(String event, Object payload) {
        enqueue(new Control(EventBus.envelope(event, payload)));
    }

    void close() {
        closed = true;
        if (subscription != null) {
            subscription.close();
        }
        if (writer != null) {
            writer.interrupt();
        }
    }

    private void offer(LiveEvent event) {
        if (!outbox.offer(new Live(event))) {
            overflowed = true;
            subscription.close();
        }
    }

    private void enqueue(Item item) {
        if (!outbox.offer(item)) {
            overflowed = true;
        }
    }

    private void write() {
        try {
            send(EventBus.envelope("server_hello", Map.of("last_seq", subscription.cursor())));
            long nextBeat = System.nanoTime() + heartbeat.toNanos();
            while (!closed) {
                if (overflowed) {
                    session.close(WsCloseCodes.TRY_AGAIN_LATER, "Too far behind: reconnect and resume");
                    return;
                }
                Item item = outbox.poll(nextBeat - System.nanoTime(), TimeUnit.NANOSECONDS);
                switch (item) {
                    case null -> {
                        send(EventBus.envelope("heartbeat", null));
                        nextBeat = System.nanoTime() + heartbeat.toNanos();
                    }
                    case Live live -> deliver(live.event());
                    case Control control -> send(control.frame());
                    case Resume resume -> replay(resume.after());
                }
            }
        } catch (InterruptedException e) {
            // the socket closed
        } catch (RuntimeException e) {
            if (!closed) {
                LOG.log(Level.FINE, "Live events: the connection failed", e);
                close();
            }
        }
    }

    private void replay(long after) {
        bus.replay(organisationId, after, this::deliver);
        sentAfter = sentAfter < 0 ? after : Math.min(sentAfter, after);
    }

    private void deliver(LiveEvent event) {
        if (sentAfter >= 0 && event.seq() > sentAfter && event.seq() <= lastSent) {
            return;
        }
        send(event.frame());
        if (sentAfter < 0) {
            sentAfter = event.seq() - 1;
        }
        lastSent = Math.max(lastSent, event.seq());
    }

    private void send(String frame) {
        session.send(frame, true);
    }
}
