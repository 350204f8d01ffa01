package dev.funnel.backend.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One open transaction: small query helpers over a JDBC connection. */
public final class Tx {

    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private final Connection connection;

    Tx(Connection connection) {
        this.connection = connection;
    }

    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
        try (PreparedStatement st = prepare(sql, params); ResultSet rs = st.executeQuery()) {
            List<T> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(mapper.map(rs));
            }
            return rows;
        } catch (SQLException e) {
            throw new DataAccessException("Query failed: " + firstLine(sql), e);
        }
    }

    public <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... params) {
        List<T> rows = query(sql, mapper, params);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.getFirst());
    }

    /** Runs an INSERT, UPDATE or DELETE and returns the number of rows it touched. */
    public int update(String sql, Object... params) {
        try (PreparedStatement st = prepare(sql, params)) {
            return st.executeUpdate();
        } catch (SQLException e) {
            throw new DataAccessException("Update failed: " + firstLine(sql), e);
        }
    }

    /** Runs one INSERT, UPDATE or DELETE for each row of parameters, sent to the database in one batch. */
    public void batch(String sql, List<Object[]> rows) {
        try (PreparedStatement st = connection.prepareStatement(sql)) {
            for (Object[] row : rows) {
                bind(st, row);
                st.addBatch();
            }
            st.executeBatch();
        } catch (SQLException e) {
            throw new DataAccessException("Batch failed: " + firstLine(sql), e);
        }
    }

    /** Runs an INSERT and returns the value the database generated for {@code keyColumn} (an identity). */
    public long insertReturningKey(String sql, String keyColumn, Object... params) {
        try (PreparedStatement st = connection.prepareStatement(sql, new String[] {keyColumn})) {
            bind(st, params);
            st.executeUpdate();
            try (ResultSet keys = st.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new DataAccessException("No generated " + keyColumn + ": " + firstLine(sql), null);
                }
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw new DataAccessException("Insert failed: " + firstLine(sql), e);
        }
    }

    private PreparedStatement prepare(String sql, Object... params) throws SQLException {
        PreparedStatement st = connection.prepareStatement(sql);
        bind(st, params);
        return st;
    }

    private static void bind(PreparedStatement st, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            st.setObject(i + 1, toJdbc(params[i]));
        }
    }

    private static Object toJdbc(Object value) {
        if (value instanceof Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof Enum<?> e) {
            return e.name().toLowerCase();
        }
        return value;
    }

    /** Reads a TIMESTAMP WITH TIME ZONE column the same way on H2 and PostgreSQL. */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    public static java.util.UUID uuid(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, java.util.UUID.class);
    }


    private static String firstLine(String sql) {
        String trimmed = sql.strip();
        int newline = trimmed.indexOf('\n');
        return newline < 0 ? trimmed : trimmed.substring(0, newline) + " ...";
    }
}
