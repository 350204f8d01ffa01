package dev.funnel.backend.events;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Hears the events that backends sharing a PostgreSQL database log ({@link EventLog#CHANNEL}), on a
 * connection of its own that LISTENs. A lost connection is opened again after growing pauses;
 * announcements made meanwhile are lost, so each (re)connection is reported and the listener reads
 * the log instead.
 */
final class Announcements implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Announcements.class.getName());
    /** How long to wait for announcements before checking that the connection still answers. */
    private static final int QUIET_MS = 10_000;
    private static final Duration FIRST_PAUSE = Duration.ofMillis(500);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);

    private final Supplier<Connection> connections;
    private final BiConsumer<UUID, Long> announced;
    private final Runnable connected;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Connection current;

    /**
     * @param connections opens a connection outside the pool; this closes it
     * @param announced told each announcement (organisation id, seq), on the listening thread
     * @param connected told each time listening (re)starts: anything announced before may have been missed
     */
    Announcements(Supplier<Connection> connections, BiConsumer<UUID, Long> announced, Runnable connected) {
        this.connections = connections;
        this.announced = announced;
        this.connected = connected;
        this.thread = Thread.ofPlatform().name("funnel-events-listen").daemon().unstarted(this::loop);
    }

    void start() {
        thread.start();
    }

    private void loop() {
        Duration pause = FIRST_PAUSE;
        while (running) {
            try (Connection connection = connections.get()) {
                current = connection;
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + EventLog.CHANNEL);
                }
                pause = FIRST_PAUSE;
                connected.run();
                listen(connection);
            } catch (SQLException | RuntimeException e) {
                // whatever went wrong (the connection, or handing out what was heard), listening must go on
                if (!running) {
                    return;
                }
                LOG.log(Level.WARNING, "Lost the connection on which other backends' live events are heard;"
                        + " connecting again in " + pause.toMillis() + " ms", e);
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                return;
            }
            pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
        }
    }

    private void listen(Connection connection) throws SQLException {
        PGConnection postgres = connection.unwrap(PGConnection.class);
        while (running) {
            PGNotification[] notifications = postgres.getNotifications(QUIET_MS);
            if (notifications == null || notifications.length == 0) {
                // a connection dropped without a word would otherwise be listened to forever
                if (running && !connection.isValid(QUIET_MS / 1000)) {
                    throw new SQLException("The database stopped answering");
                }
                continue;
            }
            for (PGNotification notification : notifications) {
                announced(notification.getParameter());
            }
        }
    }

    private void announced(String payload) {
        int space = payload.indexOf(' ');
        try {
            this.announced.accept(UUID.fromString(payload.substring(0, space)),
                    Long.parseLong(payload.substring(space + 1)));
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            LOG.warning(() -> "Ignoring an announcement that is not '<organisation id> <seq>': " + payload);
        }
    }

    @Override
    public void close() {
        running = false;
        Connection connection = current;
        if (connection != null) {
            try {
                // abort, unlike close, does not wait for the listening thread to leave the connection
                connection.abort(Runnable::run);
            } catch (SQLException e) {
                LOG.log(Level.FINE, "Aborting the listening connection failed", e);
            }
        }
        thread.interrupt();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
