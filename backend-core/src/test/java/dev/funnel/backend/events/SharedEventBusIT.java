package dev.funnel.backend.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.backend.db.Db;
import dev.funnel.backend.organisations.OrganisationRepository;
import dev.funnel.backend.testing.TestDatabases;
import dev.funnel.backend.testing.Waits;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two backends' event buses on one PostgreSQL database, each with its own connection pool and
 * listening connection, as two processes have: whichever logs an event, the subscribers of both hear
 * every event of their organisation once, in cursor order.
 */
class SharedEventBusIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final List<AutoCloseable> opened = new ArrayList<>();
    private EventBus first;
    private EventBus second;
    private Db db;
    private UUID acme;
    private UUID globex;

    @BeforeEach
    void twoBackendsOnOneDatabase() {
        TestDatabases.DbUrl url = TestDatabases.postgres();
        db = open(url);
        first = bus(db);
        second = bus(open(url));
        OrganisationRepository organisations = new OrganisationRepository();
        acme = db.inTransaction(tx -> organisations.create(tx, "Acme", Instant.now())).id();
        globex = db.inTransaction(tx -> organisations.create(tx, "Globex", Instant.now())).id();
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable resource : opened.reversed()) {
            resource.close();
        }
    }

    @Test
    void eventsPublishedOnEitherBackendReachTheSubscribersOfBothOnceInCursorOrder() throws Exception {
        List<Long> onFirst = new CopyOnWriteArrayList<>();
        List<Long> onSecond = new CopyOnWriteArrayList<>();
        List<Long> otherOrganisation = new CopyOnWriteArrayList<>();
        first.subscribe(acme, event -> onFirst.add(event.seq()));
        second.subscribe(acme, event -> onSecond.add(event.seq()));
        second.subscribe(globex, event -> otherOrganisation.add(event.seq()));

        try (ExecutorService publishers = Executors.newFixedThreadPool(6)) {
            for (int i = 0; i < 300; i++) {
                EventBus bus = i % 2 == 0 ? first : second;
                int n = i;
                publishers.submit(() -> bus.publish(acme, "message_status", Map.of("n", n)));
            }
        }
        List<Long> logged = db.inTransaction(tx -> new EventLog(true).after(tx, acme, 0, 1000)).stream()
                .map(LiveEvent::seq).toList();
        Waits.until("both subscribers to hear every event", WAIT,
                () -> onFirst.size() >= logged.size() && onSecond.size() >= logged.size());

        assertThat(logged).hasSize(300);
        assertThat(onFirst).containsExactlyElementsOf(logged);
        assertThat(onSecond).containsExactlyElementsOf(logged);
        assertThat(otherOrganisation).isEmpty();
    }

    @Test
    void aSubscriberThatJoinsLateStartsAtItsCursorAndHearsWhatTheOtherBackendLogsNext() {
        first.publish(acme, "conversation_updated", Map.of());
        long before = latest();
        List<Long> heard = new CopyOnWriteArrayList<>();
        EventBus.Subscription subscription = second.subscribe(acme, event -> heard.add(event.seq()));

        first.publish(acme, "takeover_started", Map.of());
        Waits.until("the other backend's event", WAIT, () -> heard.size() == 1);

        assertThat(subscription.cursor()).isEqualTo(before);
        assertThat(heard).containsExactly(latest());
    }

    @Test
    void afterTheListeningConnectionIsCutTheSubscriberStillHearsTheOtherBackendsEvents() {
        List<Long> heard = new CopyOnWriteArrayList<>();
        second.subscribe(acme, event -> heard.add(event.seq()));
        Waits.until("both backends to listen", WAIT, () -> listeners() == 2);

        int cut = db.inTransaction(tx -> tx.queryOne("""
                SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity
                WHERE datname = current_database() AND query = 'LISTEN %s'""".formatted(EventLog.CHANNEL),
                rs -> rs.getInt(1)).orElseThrow());
        first.publish(acme, "conversation_updated", Map.of());
        first.publish(acme, "takeover_started", Map.of());
        Waits.until("the events logged while the connection was cut", WAIT, () -> heard.size() == 2);

        assertThat(cut).isEqualTo(2);
        assertThat(heard.getLast()).isEqualTo(latest());
    }

    private long latest() {
        return db.inTransaction(tx -> new EventLog(true).latest(tx, acme));
    }

    private int listeners() {
        return db.inTransaction(tx -> tx.queryOne("""
                SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN %s'"""
                .formatted(EventLog.CHANNEL), rs -> rs.getInt(1)).orElseThrow());
    }

    private Db open(TestDatabases.DbUrl url) {
        Db opened = Db.open(url.url(), url.user(), url.password());
        this.opened.add(opened);
        return opened;
    }

    private EventBus bus(Db on) {
        EventBus bus = new EventBus(on, Clock.systemUTC(), Duration.ofDays(7));
        opened.add(bus);
        bus.start();
        return bus;
    }
}
