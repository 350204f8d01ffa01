package dev.funnel.backend.conversations;

import dev.funnel.backend.testing.TestDatabases;

/** The unread counter and reactions on H2 in PostgreSQL mode, the solo installation's database. */
class UnreadAndReactionsOnH2Test extends UnreadAndReactionsContract {

    @Override
    protected TestDatabases.DbUrl database() {
        return TestDatabases.h2();
    }
}
