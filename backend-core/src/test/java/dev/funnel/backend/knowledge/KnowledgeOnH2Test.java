package dev.funnel.backend.knowledge;

import dev.funnel.backend.testing.TestDatabases;

class KnowledgeOnH2Test extends KnowledgeContract {

    @Override
    protected TestDatabases.DbUrl database() {
        return TestDatabases.h2();
    }
}
