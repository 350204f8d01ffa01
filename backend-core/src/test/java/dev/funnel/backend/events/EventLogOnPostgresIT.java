package dev.funnel.backend.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.backend.organisations.OrganisationRepository;
import dev.funnel.backend.testing.TestDatabases;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The live event log on a real PostgreSQL server, the team installation's database. */
class EventLogOnPostgresIT extends EventLogContract {

    @Override
    protected TestDatabases.DbUrl database() {
        return TestDatabases.postgres();
    }

    /**
     * Many writers, as several backends are, each slow to commit: a reader that follows the cursor
     * (as a console that resumes does) still misses none of them.
     */
    @Test
    void aReaderFollowingTheCursorMissesNoEventWhileManyWritersCommitSlowly() throws Exception {
        EventLog log = new EventLog(true);
        UUID org = db.inTransaction(tx -> new OrganisationRepository().create(tx, "Initech", Instant.now())).id();
        AtomicBoolean writing = new AtomicBoolean(true);
        List<Long> read = new ArrayList<>();
        try (ExecutorService writers = Executors.newFixedThreadPool(8)) {
            Thread reader = Thread.ofPlatform().start(() -> {
                long cursor = 0;
                while (writing.get() || cursor < db.inTransaction(tx -> log.latest(tx, org))) {
                    long after = cursor;
                    for (LiveEvent event : db.inTransaction(tx -> log.after(tx, org, after, 50))) {
                        read.add(event.seq());
                        cursor = event.seq();
                    }
                }
            });
            List<java.util.concurrent.Future<?>> appends = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                appends.add(writers.submit(() -> db.inTransactionRun(tx -> {
                    log.append(tx, org, "message_status", "{}", Instant.now());
                    pause(ThreadLocalRandom.current().nextInt(3));
                })));
            }
            for (var append : appends) {
                append.get();
            }
            writing.set(false);
            reader.join();
        }

        List<Long> all = db.inTransaction(tx -> log.after(tx, org, 0, 1000)).stream().map(LiveEvent::seq).toList();
        assertThat(all).hasSize(400);
        assertThat(read).containsExactlyElementsOf(all);
    }

    private static void pause(int millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
