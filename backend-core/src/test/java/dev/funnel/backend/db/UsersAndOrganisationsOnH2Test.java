package dev.funnel.backend.db;

import dev.funnel.backend.testing.TestDatabases;

/** The users and organisations contract on H2 in PostgreSQL mode, the solo installation's database. */
class UsersAndOrganisationsOnH2Test extends UsersAndOrganisationsContract {

    @Override
    protected TestDatabases.DbUrl database() {
        return TestDatabases.h2();
    }
}
