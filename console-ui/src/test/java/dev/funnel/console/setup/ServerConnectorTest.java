package dev.funnel.console.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.funnel.console.backend.BackendLauncher;
import dev.funnel.console.backend.FakeBackendClient;
import dev.funnel.console.backend.LaunchedBackend;
import dev.funnel.console.common.ServerChoice;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ServerConnectorTest {

    private static final ServerChoice EMBEDDED = new ServerChoice(ServerChoice.Mode.EMBEDDED, "");

    private final FakeBackendClient backend = new FakeBackendClient();
    private final AtomicInteger starts = new AtomicInteger();
    private final AtomicInteger stops = new AtomicInteger();

    private LaunchedBackend launched() {
        return new LaunchedBackend() {
            @Override
            public URI baseUri() {
                return URI.create("http://127.0.0.1:8090");
            }

            @Override
            public void stop() {
                stops.incrementAndGet();
            }
        };
    }

    private ServerConnector connector(BackendLauncher launcher) {
        return new ServerConnector(Optional.of(launcher), uri -> backend, Map.of());
    }

    @Test
    void anEarlyStartRunsBesideTheCallerAndTheConnectionWaitsForIt() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        ServerConnector connector = connector(environment -> {
            starts.incrementAndGet();
            started.countDown();
            await(release);
            return launched();
        });

        connector.startEmbeddedEarly();
        assertThat(started.await(5, TimeUnit.SECONDS)).as("the start began without waiting for a connect").isTrue();
        release.countDown();
        ServerConnector.Connection connection = connector.connect(EMBEDDED);

        assertThat(connection.client()).isSameAs(backend);
        assertThat(starts).hasValue(1);
        connector.close();
        assertThat(stops).hasValue(1);
    }

    @Test
    void aFailedEarlyStartShowsItsOwnErrorWhenThePersonConnects() {
        ServerConnector connector = connector(environment -> {
            starts.incrementAndGet();
            throw new IllegalStateException("The data folder is locked by another Funnel");
        });

        connector.startEmbeddedEarly();

        assertThatThrownBy(() -> connector.connect(EMBEDDED)).isInstanceOf(IllegalStateException.class)
                .hasMessage("The data folder is locked by another Funnel");
    }

    @Test
    void aFailedStartIsTriedAgainAtTheNextConnect() {
        ServerConnector connector = connector(environment -> {
            if (starts.incrementAndGet() == 1) {
                throw new IllegalStateException("The data folder is locked by another Funnel");
            }
            return launched();
        });

        assertThatThrownBy(() -> connector.connect(EMBEDDED)).hasMessageContaining("locked");
        connector.connect(EMBEDDED);

        assertThat(starts).hasValue(2);
    }

    @Test
    void closingWhileTheServerStartsStopsItOnceItIsUp() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        ServerConnector connector = connector(environment -> {
            await(release);
            return launched();
        });
        connector.startEmbeddedEarly();

        Thread closing = Thread.ofPlatform().start(connector::close);
        release.countDown();
        closing.join(5000);

        assertThat(stops).hasValue(1);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
