package dev.funnel.backend.db;

import dev.funnel.backend.testing.TestDatabases;

/** The repository contract on a real PostgreSQL server, the team installation's database. */
class RepositoriesOnPostgresIT extends RepositoryContract {

    @Override
    protected TestDatabases.DbUrl database() {
        return TestDatabases.postgres();
    }
}
