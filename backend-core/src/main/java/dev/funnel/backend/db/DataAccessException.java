package dev.funnel.backend.db;

/** A database operation failed. Wraps {@link java.sql.SQLException} so it never leaks past a repository. */
public class DataAccessException extends RuntimeException {

    public DataAccessException(String message, Throwable cause) {
        super(message, cause);
    }
}
