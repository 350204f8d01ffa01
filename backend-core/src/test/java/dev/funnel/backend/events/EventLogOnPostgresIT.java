package dev.funnel.backend.events;

import dev.funnel.backend.testing.TestDatabases;

/** The live event log on a real PostgreSQL server, the team installation's database. */
class EventLogOnPostgresIT extends EventLogContract {

    @Override
    protected TestDatabases.DbUrl database() {
        return TestDatabases.postgres();
    }
}
