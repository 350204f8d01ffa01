package dev.funnel.console.backend;

/** State of the live event connection, shown in the console's status bar. */
public enum ConnectionState {
    CONNECTING,
    CONNECTED,
    /** The connection dropped; the client is waiting to try again. */
    RECONNECTING,
    CLOSED
}
