package dev.funnel.backend.events;

import dev.funnel.backend.testing.TestDatabases;

/** The live event log on H2 in PostgreSQL mode, the solo installation's database. */
class EventLogOnH2Test extends EventLogContract {

    @Override
    protected TestDatabases.DbUrl database() {
        return TestDatabases.h2();
    }
}
