package dev.funnel.backend.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.backend.events.EventBus;
import dev.funnel.backend.testing.PostgresServer;
import dev.funnel.backend.testing.TestDatabases;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The knowledge base on a PostgreSQL with pgvector: the same contract, searched by the database. It
 * runs when {@code FUNNEL_TEST_PGVECTOR_URL} names such a server, e.g.
 * {@code jdbc:postgresql://127.0.0.1:55432/postgres?user=postgres&password=postgres} (a user that may
 * create databases and the extension); each test gets a fresh database there. Skipped otherwise: the
 * embedded PostgreSQL of the other tests has no pgvector.
 */
@EnabledIfEnvironmentVariable(named = "FUNNEL_TEST_PGVECTOR_URL", matches = ".+")
class KnowledgeOnPgVectorIT extends KnowledgeContract {

    private static final String SERVER = System.getenv("FUNNEL_TEST_PGVECTOR_URL");

    @Override
    protected TestDatabases.DbUrl database() {
        return new TestDatabases.DbUrl(PostgresServer.createDatabase(SERVER, "funnel_"), null, null);
    }

    @Test
    void theDatabaseSearchesWithPgvector() {
        EventBus bus = new EventBus(db, Clock.systemUTC(), Duration.ofHours(1));
        try (KnowledgeBase knowledge = new KnowledgeBase(db, OFFLINE, bus, Clock.systemUTC())) {
            assertThat(knowledge.status(UUID.randomUUID()).store()).isEqualTo("pgvector");
        } finally {
            bus.close();
        }
    }

    @Test
    void theVectorsStayInTheTableRows() {
        // next to the portable bytes a row passes 2 KB: with pgvector's default storage (EXTERNAL) every
        // vector went to the TOAST table and each search read them back one by one
        String storage = db.inTransaction(tx -> tx.queryOne("SELECT attstorage FROM pg_attribute"
                + " WHERE attrelid = 'knowledge_chunks'::regclass AND attname = 'embedding_vector'",
                rs -> rs.getString(1))).orElseThrow();
        assertThat(storage).isEqualTo("m");
    }
}
