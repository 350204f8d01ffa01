package dev.funnel.console.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.console.backend.BackendEvent;
import dev.funnel.console.backend.BackendEventListener;
import dev.funnel.console.backend.ConnectionState;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class FxThreadListenerTest {

    private final List<String> heard = new CopyOnWriteArrayList<>();
    private final List<Boolean> onFxThread = new CopyOnWriteArrayList<>();

    private final BackendEventListener recorder = new BackendEventListener() {
        @Override
        public void onEvent(BackendEvent event) {
            heard.add(((BackendEvent.KnowledgeDocumentDeleted) event).documentId());
            onFxThread.add(Platform.isFxApplicationThread());
        }

        @Override
        public void onConnectionState(ConnectionState state) {
            heard.add(state.name());
            onFxThread.add(Platform.isFxApplicationThread());
        }
    };

    @Test
    void eventsOfABusySpellWaitForTheNextHandOverAndArriveInOrderOnTheFxThread() {
        FxThreadListener listener = new FxThreadListener(Duration.ofSeconds(1));
        listener.add(recorder);

        // 20 events over 400 ms: the first goes at once, the others wait for the interval to pass
        Thread network = Thread.ofPlatform().start(() -> {
            for (int i = 0; i < 20; i++) {
                listener.onEvent(new BackendEvent.KnowledgeDocumentDeleted("d" + i));
                sleep(20);
            }
            listener.onConnectionState(ConnectionState.CONNECTED);
        });
        WaitForAsyncUtils.sleep(700, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        List<String> afterSevenTenths = List.copyOf(heard);
        WaitForAsyncUtils.sleep(1800, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(afterSevenTenths).startsWith("d0").hasSizeLessThan(5);
        assertThat(network.isAlive()).isFalse();
        assertThat(heard).hasSize(21).startsWith("d0", "d1", "d2").endsWith("d18", "d19", "CONNECTED");
        assertThat(onFxThread).containsOnly(true);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
