package dev.funnel.backend.trace;

import dev.funnel.backend.testing.TestDatabases;

/** The replay's queries on H2, the embedded installation's database. */
class ReplayQueriesOnH2Test extends ReplayQueriesContract {

    @Override
    TestDatabases.DbUrl database() {
        return TestDatabases.h2();
    }
}
