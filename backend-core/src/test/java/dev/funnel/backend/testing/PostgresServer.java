package dev.funnel.backend.testing;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Fresh databases on a PostgreSQL server given by its JDBC URL, e.g.
 * {@code jdbc:postgresql://127.0.0.1:55432/postgres?user=postgres&password=postgres}, for a user that
 * may create databases: for what the embedded server cannot do (pgvector).
 */
public final class PostgresServer {

    private PostgresServer() {
    }

    /** Creates a database named {@code prefix} and a random suffix; returns its URL (the server URL's query kept). */
    public static String createDatabase(String server, String prefix) {
        String name = prefix + UUID.randomUUID().toString().replace("-", "");
        execute(server, "CREATE DATABASE " + name);
        URI uri = URI.create(server.substring("jdbc:".length()));
        return "jdbc:" + uri.getScheme() + "://" + uri.getAuthority() + "/" + name
                + (uri.getQuery() == null ? "" : "?" + uri.getQuery());
    }

    /** Drops the database {@link #createDatabase} made at {@code url}. */
    public static void dropDatabase(String server, String url) {
        execute(server, "DROP DATABASE " + URI.create(url.substring("jdbc:".length())).getPath().substring(1));
    }

    private static void execute(String server, String sql) {
        try (Connection c = DriverManager.getConnection(server); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot run " + sql + " on the PostgreSQL server", e);
        }
    }
}
