package dev.funnel.backend.templates;

import dev.funnel.backend.testing.TestDatabases;

/** The CTA and template repository contract on a real PostgreSQL server, the team installation's database. */
class CtaAndTemplateRepositoriesOnPostgresIT extends CtaAndTemplateRepositoryContract {

    @Override
    protected TestDatabases.DbUrl database() {
        return TestDatabases.postgres();
    }
}
