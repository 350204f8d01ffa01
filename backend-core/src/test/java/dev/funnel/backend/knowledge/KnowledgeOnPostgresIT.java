package dev.funnel.backend.knowledge;

import dev.funnel.backend.testing.TestDatabases;

/** On the embedded PostgreSQL, which has no pgvector: the portable store. */
class KnowledgeOnPostgresIT extends KnowledgeContract {

    @Override
    protected TestDatabases.DbUrl database() {
        return TestDatabases.postgres();
    }
}
