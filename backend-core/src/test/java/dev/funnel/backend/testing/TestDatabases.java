package dev.funnel.backend.testing;

import dev.funnel.backend.BackendConfig;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Fresh databases for tests: an H2 in memory (PostgreSQL mode, as in production) or a database on a
 * real PostgreSQL server that the tests start themselves from the embedded binaries on Maven Central.
 */
public final class TestDatabases {

    /** How to connect to a test database. */
    public record DbUrl(String url, String user, String password) {
    }

    private static EmbeddedPostgres postgres;

    private TestDatabases() {
    }

    public static DbUrl h2() {
        return new DbUrl("jdbc:h2:mem:" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;QUERY_CACHE_SIZE=128;DB_CLOSE_DELAY=-1", "sa", "");
    }

    public static DbUrl h2File(Path dir) {
        return new DbUrl(BackendConfig.h2Url(dir.resolve("funnel")), "sa", "");
    }

    /** A new, empty database on the shared PostgreSQL server (started on first use, stopped at exit). */
    public static synchronized DbUrl postgres() {
        try {
            if (postgres == null) {
                postgres = EmbeddedPostgres.builder().start();
                EmbeddedPostgres started = postgres;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        started.close();
                    } catch (IOException ignored) {
                        // the JVM is exiting; the server's folder is temporary
                    }
                }));
            }
            String name = "funnel_" + UUID.randomUUID().toString().replace("-", "");
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
                st.execute("CREATE DATABASE " + name);
            }
            return new DbUrl(postgres.getJdbcUrl("postgres", name), "postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL", e);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create a test database", e);
        }
    }
}
