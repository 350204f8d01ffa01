package dev.funnel.backend.followups;

import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.backend.conversations.ConversationRepository;
import dev.funnel.backend.db.Db;
import dev.funnel.backend.leads.LeadRepository;
import dev.funnel.backend.organisations.OrganisationRepository;
import dev.funnel.backend.testing.TestDatabases;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two backends' schedulers on one PostgreSQL database, each with its own connection pool, claiming
 * due follow-ups side by side: each action is claimed by exactly one of them.
 */
class FollowupClaimsOnPostgresIT {

    private static final int DUE = 200;
    private static final Instant NOW = Instant.parse("2026-11-20T10:15:30Z");

    private final List<Db> backends = new ArrayList<>();

    @BeforeEach
    void twoBackendsOnOneDatabase() {
        TestDatabases.DbUrl url = TestDatabases.postgres();
        for (int i = 0; i < 2; i++) {
            backends.add(Db.open(url.url(), url.user(), url.password()));
        }
    }

    @AfterEach
    void close() {
        backends.forEach(Db::close);
    }

    @Test
    void eachDueFollowupIsClaimedByExactlyOneOfTwoBackends() throws Exception {
        List<UUID> scheduled = scheduleDueFollowups();
        FollowupRepository followups = new FollowupRepository();
        Map<UUID, Integer> claimedBy = new ConcurrentHashMap<>();
        List<UUID> claimedTwice = new ArrayList<>();
        List<Future<?>> pollers = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(4)) {
            for (int poller = 0; poller < 4; poller++) {
                int backend = poller % 2;
                pollers.add(threads.submit(() -> {
                    List<ScheduledAction> claimed;
                    do {
                        // each claim holds its rows a moment, as a slow backend would, so the others must skip them
                        claimed = backends.get(backend).inTransaction(tx -> {
                            List<ScheduledAction> batch = followups.claimDue(tx, NOW.plusSeconds(60),
                                    FollowupScheduler.CLAIM_TIMEOUT, 10);
                            pause();
                            return batch;
                        });
                        for (ScheduledAction action : claimed) {
                            if (claimedBy.putIfAbsent(action.id(), backend) != null) {
                                synchronized (claimedTwice) {
                                    claimedTwice.add(action.id());
                                }
                            }
                        }
                    } while (!claimed.isEmpty());
                }));
            }
            for (Future<?> poller : pollers) {
                poller.get();
            }
        }

        assertThat(claimedTwice).isEmpty();
        assertThat(claimedBy.keySet()).containsExactlyInAnyOrderElementsOf(scheduled);
        assertThat(claimedBy.values()).contains(0, 1);
        System.out.printf("follow-up claims: %d by the first backend, %d by the second%n",
                claimedBy.values().stream().filter(b -> b == 0).count(),
                claimedBy.values().stream().filter(b -> b == 1).count());
    }

    private List<UUID> scheduleDueFollowups() {
        Db db = backends.getFirst();
        UUID org = db.inTransaction(tx -> new OrganisationRepository().create(tx, "Acme", NOW)).id();
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < DUE; i++) {
            String phone = "4915550" + (10_000 + i);
            ids.add(db.inTransaction(tx -> {
                UUID lead = new LeadRepository().getOrCreate(tx, org, phone, null, null, false, NOW).id();
                UUID conversation = new ConversationRepository().getOrCreate(tx, org, lead, NOW).id();
                return new FollowupRepository().schedule(tx, org, conversation, ScheduledAction.Type.FOLLOWUP, NOW,
                        "nudge 1 of 3", NOW).id();
            }));
        }
        return ids;
    }

    private static void pause() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
