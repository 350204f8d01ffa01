package dev.funnel.backend.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;

/** The database: a connection pool, Flyway migrations and transactions through a callback. */
public final class Db implements AutoCloseable {

    /** Work done inside one transaction. */
    @FunctionalInterface
    public interface TxWork<T> {
        T run(Tx tx);
    }

    /** The newest migration's version (db/migration/V16__…): a database at it needs no Flyway run. */
    static final int SCHEMA_VERSION = 16;

    private final HikariDataSource dataSource;

    private Db(HikariDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Opens a pool on the URL and brings the schema up to date. */
    public static Db open(String jdbcUrl, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        if (user != null) {
            config.setUsername(user);
        }
        if (password != null) {
            config.setPassword(password);
        }
        config.setMaximumPoolSize(12);
        config.setPoolName("funnel-db");
        config.setAutoCommit(true);
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            if (!schemaCurrent(dataSource)) {
                Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
            }
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return new Db(dataSource);
    }

    /**
     * Whether the newest migration in Flyway's history is this build's newest and none failed. Flyway
     * itself would then have nothing to do but check the files again, which took a fifth of the desktop
     * console's built-in server start (0.2 s); a database behind or ahead, or with a failed migration,
     * goes through Flyway (which migrates it or says what is wrong), as does a new one (no history yet).
     */
    static boolean schemaCurrent(HikariDataSource dataSource) {
        try (Connection connection = dataSource.getConnection();
             var statement = connection.createStatement();
             var history = statement.executeQuery("SELECT version, success FROM flyway_schema_history"
                     + " WHERE version IS NOT NULL ORDER BY installed_rank")) {
            int newest = 0;
            while (history.next()) {
                if (!history.getBoolean("success")) {
                    return false;
                }
                newest = Math.max(newest, Integer.parseInt(history.getString("version")));
            }
            return newest == SCHEMA_VERSION;
        } catch (SQLException | NumberFormatException e) {
            return false;
        }
    }

    public <T> T inTransaction(TxWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(new Tx(connection));
                connection.commit();
                return result;
            } catch (RuntimeException | Error e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new DataAccessException("Transaction failed", e);
        }
    }

    public void inTransactionRun(java.util.function.Consumer<Tx> work) {
        inTransaction(tx -> {
            work.accept(tx);
            return null;
        });
    }

    /** A connection of its own, outside the pool, for a session that lasts (LISTEN); the caller closes it. */
    public Connection openSession() {
        try {
            return DriverManager.getConnection(dataSource.getJdbcUrl(), dataSource.getUsername(),
                    dataSource.getPassword());
        } catch (SQLException e) {
            throw new DataAccessException("Cannot connect to the database", e);
        }
    }

    public boolean isPostgres() {
        return dataSource.getJdbcUrl().startsWith("jdbc:postgresql:");
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
