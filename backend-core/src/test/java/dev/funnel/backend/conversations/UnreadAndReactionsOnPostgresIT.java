package dev.funnel.backend.conversations;

import dev.funnel.backend.testing.TestDatabases;

/** The unread counter and reactions on a real PostgreSQL server, the team installation's database. */
class UnreadAndReactionsOnPostgresIT extends UnreadAndReactionsContract {

    @Override
    protected TestDatabases.DbUrl database() {
        return TestDatabases.postgres();
    }
}
