package dev.funnel.console.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class WebSocketEventStreamTest {

    private static final URI SOCKET = URI.create("ws://127.0.0.1:8090/ws?token=abc.def.ghi");

    @Test
    void theFirstConnectionAsksForNothingOld() {
        assertThat(WebSocketEventStream.resumeUri(SOCKET, -1)).isEqualTo(SOCKET);
    }

    @Test
    void aReconnectionAsksForTheEventsAfterTheLastOneHeard() {
        assertThat(WebSocketEventStream.resumeUri(SOCKET, 57))
                .isEqualTo(URI.create("ws://127.0.0.1:8090/ws?token=abc.def.ghi&after=57"));
    }
}
