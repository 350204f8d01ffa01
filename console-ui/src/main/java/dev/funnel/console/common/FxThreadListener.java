package dev.funnel.console.common;

import dev.funnel.console.backend.BackendEvent;
import dev.funnel.console.backend.BackendEventListener;
import dev.funnel.console.backend.ConnectionState;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.application.Platform;

/**
 * Receives live events on the network thread and replays them, in order, on the FX thread to
 * every registered listener; ViewModels therefore never see another thread.
 */
public final class FxThreadListener implements BackendEventListener {

    private final List<BackendEventListener> targets = new CopyOnWriteArrayList<>();

    public void add(BackendEventListener target) {
        targets.add(target);
    }

    public void remove(BackendEventListener target) {
        targets.remove(target);
    }

    @Override
    public void onEvent(BackendEvent event) {
        Platform.runLater(() -> targets.forEach(t -> t.onEvent(event)));
    }

    @Override
    public void onConnectionState(ConnectionState state) {
        Platform.runLater(() -> targets.forEach(t -> t.onConnectionState(state)));
    }
}
