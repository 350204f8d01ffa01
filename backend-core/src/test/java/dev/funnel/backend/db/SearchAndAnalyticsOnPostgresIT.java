package dev.funnel.backend.db;

import dev.funnel.backend.testing.TestDatabases;

/** The search and analytics contract on a real PostgreSQL server, the team installation's database. */
class SearchAndAnalyticsOnPostgresIT extends SearchAndAnalyticsContract {

    @Override
    protected TestDatabases.DbUrl database() {
        return TestDatabases.postgres();
    }
}
