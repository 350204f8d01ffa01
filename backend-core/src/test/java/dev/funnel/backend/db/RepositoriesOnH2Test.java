package dev.funnel.backend.db;

import dev.funnel.backend.testing.TestDatabases;

/** The repository contract on H2 in PostgreSQL mode, the solo installation's database. */
class RepositoriesOnH2Test extends RepositoryContract {

    @Override
    protected TestDatabases.DbUrl database() {
        return TestDatabases.h2();
    }
}
