package dev.funnel.backend.templates;

import dev.funnel.backend.testing.TestDatabases;

/** The CTA and template repository contract on H2 in PostgreSQL mode, the solo installation's database. */
class CtaAndTemplateRepositoriesOnH2Test extends CtaAndTemplateRepositoryContract {

    @Override
    protected TestDatabases.DbUrl database() {
        return TestDatabases.h2();
    }
}
