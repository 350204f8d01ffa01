package dev.funnel.backend.trace;

import dev.funnel.backend.testing.TestDatabases;

/** The replay's queries on a real PostgreSQL server, the team installation's database. */
class ReplayQueriesOnPostgresIT extends ReplayQueriesContract {

    @Override
    TestDatabases.DbUrl database() {
        return TestDatabases.postgres();
    }
}
