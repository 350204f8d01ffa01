package dev.funnel.backend.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.funnel.backend.testing.TestDatabases;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A start skips Flyway only for a database at exactly this build's schema: the version the start
 * checks is the newest migration's, and a database behind it, or with a failed migration, goes
 * through Flyway.
 */
class SchemaVersionTest {

    private static final Pattern MIGRATION = Pattern.compile("V(\\d+)__.*\\.sql");

    private final TestDatabases.DbUrl url = TestDatabases.h2();

    @Test
    void theVersionAStartChecksIsTheNewestMigrations() throws IOException, URISyntaxException {
        Path folder = Path.of(Db.class.getResource("/db/migration").toURI());
        int newest;
        try (var files = Files.list(folder)) {
            newest = files.map(file -> MIGRATION.matcher(file.getFileName().toString()))
                    .filter(Matcher::matches).mapToInt(match -> Integer.parseInt(match.group(1))).max().orElseThrow();
        }

        assertThat(Db.SCHEMA_VERSION).isEqualTo(newest);
    }

    @Test
    void aNewDatabaseIsMigratedAndThenCurrent() {
        assertThat(current()).isFalse();

        Db.open(url.url(), url.user(), url.password()).close();

        assertThat(current()).isTrue();
    }

    @Test
    void aDatabaseOneMigrationBehindIsMigratedAtTheNextStart() {
        Db.open(url.url(), url.user(), url.password()).close();
        // as a database of the previous build left it: without the newest migration
        try (HikariDataSource previous = dataSource()) {
            execute(previous, "DROP INDEX conversations_inbox_idx");
            execute(previous, "DROP INDEX messages_status_idx");
            execute(previous, "DROP INDEX messages_turn_status_idx");
            execute(previous, "CREATE INDEX conversations_organisation_idx ON conversations (organisation_id, last_message_at)");
            execute(previous, "DELETE FROM flyway_schema_history WHERE version = '" + Db.SCHEMA_VERSION + "'");
        }
        assertThat(current()).isFalse();

        try (Db db = Db.open(url.url(), url.user(), url.password())) {
            int inboxIndexes = db.inTransaction(tx -> tx.queryOne("SELECT COUNT(*) FROM information_schema.indexes"
                    + " WHERE index_name = 'conversations_inbox_idx'", rs -> rs.getInt(1))).orElseThrow();
            assertThat(inboxIndexes).isEqualTo(1);
        }
        assertThat(current()).isTrue();
    }

    @Test
    void aDatabaseWithAFailedMigrationIsNotCurrent() {
        Db.open(url.url(), url.user(), url.password()).close();
        try (HikariDataSource failed = dataSource()) {
            execute(failed, "UPDATE flyway_schema_history SET success = FALSE WHERE version = '1'");
        }

        assertThat(current()).isFalse();
    }

    /** What a start would decide for the database as it is now. */
    private boolean current() {
        try (HikariDataSource dataSource = dataSource()) {
            return Db.schemaCurrent(dataSource);
        }
    }

    private HikariDataSource dataSource() {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(url.url());
        dataSource.setUsername(url.user());
        dataSource.setPassword(url.password());
        return dataSource;
    }

    private static void execute(HikariDataSource dataSource, String sql) {
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
