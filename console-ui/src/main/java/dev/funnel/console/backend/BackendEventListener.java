package dev.funnel.console.backend;

/**
 * Receives live events. Called on a network thread by the client; the console marshals calls to
 * the FX thread before they reach a ViewModel.
 */
public interface BackendEventListener {

    void onEvent(BackendEvent event);

    void onConnectionState(ConnectionState state);
}
