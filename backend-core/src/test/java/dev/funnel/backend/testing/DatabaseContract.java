package dev.funnel.backend.testing;

import dev.funnel.backend.db.Db;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A test class run against the real migrations on more than one database: a subclass per database
 * ({@code ...OnH2Test}, {@code ...OnPostgresIT}) names it, and each test gets a fresh one in {@link #db}.
 */
public abstract class DatabaseContract {

    protected Db db;

    /** The database these tests run on: {@link TestDatabases#h2()} or {@link TestDatabases#postgres()}. */
    protected abstract TestDatabases.DbUrl database();

    @BeforeEach
    void openDatabase() {
        TestDatabases.DbUrl url = database();
        db = Db.open(url.url(), url.user(), url.password());
    }

    @AfterEach
    void closeDatabase() {
        db.close();
    }
}
