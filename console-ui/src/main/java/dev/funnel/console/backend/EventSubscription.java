package dev.funnel.console.backend;

/** An open live-event stream; closing it stops reconnecting and closes the socket. */
public interface EventSubscription extends AutoCloseable {

    @Override
    void close();
}
