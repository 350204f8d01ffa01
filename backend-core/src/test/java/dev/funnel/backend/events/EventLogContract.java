package dev.funnel.backend.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.backend.organisations.OrganisationRepository;
import dev.funnel.backend.testing.DatabaseContract;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code live_events} log against the real migrations, on H2 ({@link EventLogOnH2Test}) and on a
 * real PostgreSQL ({@link EventLogOnPostgresIT}).
 */
abstract class EventLogContract extends DatabaseContract {

    private static final Instant NOW = Instant.parse("2026-11-20T10:15:30Z");

    private EventLog log;
    private UUID acme;
    private UUID globex;

    @BeforeEach
    void createOrganisations() {
        log = new EventLog(db.isPostgres());
        OrganisationRepository organisations = new OrganisationRepository();
        acme = db.inTransaction(tx -> organisations.create(tx, "Acme", NOW)).id();
        globex = db.inTransaction(tx -> organisations.create(tx, "Globex", NOW)).id();
    }

    @Test
    void eachAppendedEventGetsALargerCursorThanTheOneBefore() {
        long first = append(acme, "conversation_updated", NOW);
        long second = append(globex, "conversation_updated", NOW);
        long third = append(acme, "message_created", NOW);

        assertThat(first).isPositive().isLessThan(second);
        assertThat(second).isLessThan(third);
    }

    @Test
    void concurrentAppendsNeverShareACursor() throws Exception {
        List<Future<Long>> appended = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 200; i++) {
                UUID org = i % 2 == 0 ? acme : globex;
                appended.add(pool.submit(() -> append(org, "message_status", NOW)));
            }
        }
        List<Long> seqs = new ArrayList<>();
        for (Future<Long> f : appended) {
            seqs.add(f.get());
        }

        assertThat(seqs).doesNotHaveDuplicates().hasSize(200);
    }

    @Test
    void readingAfterACursorGivesOnlyThatOrganisationsLaterEventsOldestFirst() {
        long before = append(acme, "takeover_started", NOW);
        long mine1 = append(acme, "conversation_updated", NOW);
        append(globex, "conversation_updated", NOW);
        long mine2 = append(acme, "takeover_ended", NOW);

        List<LiveEvent> after = db.inTransaction(tx -> log.after(tx, acme, before, 10));
        List<LiveEvent> firstOnly = db.inTransaction(tx -> log.after(tx, acme, before, 1));

        assertThat(after).extracting(LiveEvent::seq).containsExactly(mine1, mine2);
        assertThat(after).extracting(LiveEvent::event).containsExactly("conversation_updated", "takeover_ended");
        assertThat(after.getFirst().payload()).isEqualTo("{\"n\":1}");
        assertThat(firstOnly).extracting(LiveEvent::seq).containsExactly(mine1);
    }

    @Test
    void theLatestCursorIsTheOrganisationsOwnAndZeroBeforeAnyEvent() {
        long none = latest(acme);
        long mine = append(acme, "conversation_updated", NOW);
        append(globex, "conversation_updated", NOW);

        assertThat(none).isZero();
        assertThat(latest(acme)).isEqualTo(mine);
    }

    @Test
    void pruningForgetsOnlyEventsOlderThanTheCutoff() {
        append(acme, "conversation_updated", NOW.minus(Duration.ofDays(8)));
        append(globex, "conversation_updated", NOW.minus(Duration.ofDays(9)));
        long recent = append(acme, "message_created", NOW.minus(Duration.ofDays(6)));

        int pruned = db.inTransaction(tx -> log.pruneBefore(tx, NOW.minus(Duration.ofDays(7))));

        assertThat(pruned).isEqualTo(2);
        assertThat(all(acme)).extracting(LiveEvent::seq).containsExactly(recent);
        assertThat(all(globex)).isEmpty();
    }

    private long latest(UUID org) {
        return db.inTransaction(tx -> log.latest(tx, org));
    }

    private List<LiveEvent> all(UUID org) {
        return db.inTransaction(tx -> log.after(tx, org, 0, 10));
    }

    private long append(UUID org, String event, Instant at) {
        return db.inTransaction(tx -> log.append(tx, org, event, "{\"n\":1}", at)).seq();
    }
}
