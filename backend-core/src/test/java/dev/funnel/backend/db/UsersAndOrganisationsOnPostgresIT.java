package dev.funnel.backend.db;

import dev.funnel.backend.testing.TestDatabases;

/** The users and organisations contract on a real PostgreSQL server, the team installation's database. */
class UsersAndOrganisationsOnPostgresIT extends UsersAndOrganisationsContract {

    @Override
    protected TestDatabases.DbUrl database() {
        return TestDatabases.postgres();
    }
}
