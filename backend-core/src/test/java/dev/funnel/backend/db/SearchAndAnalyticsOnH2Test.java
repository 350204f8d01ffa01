package dev.funnel.backend.db;

import dev.funnel.backend.testing.TestDatabases;

/** The search and analytics contract on H2 in PostgreSQL mode, the solo installation's database. */
class SearchAndAnalyticsOnH2Test extends SearchAndAnalyticsContract {

    @Override
    protected TestDatabases.DbUrl database() {
        return TestDatabases.h2();
    }
}
