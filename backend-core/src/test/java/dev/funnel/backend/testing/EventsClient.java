package dev.funnel.backend.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** A console's WebSocket connection in a test: keeps every event frame it hears. */
public final class EventsClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<JsonNode> events = new CopyOnWriteArrayList<>();
    private final WebSocket socket;

    public EventsClient(URI httpBase, String token) {
        URI ws = URI.create("ws://" + httpBase.getAuthority() + "/ws?token=" + token);
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(ws, new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    try {
                        events.add(JSON.readTree(partial.toString()));
                    } catch (IOException e) {
                        throw new IllegalStateException("The server sent a frame that is not JSON: " + partial, e);
                    }
                    partial.setLength(0);
                }
                webSocket.request(1);
                return null;
            }
        }).join();
    }

    public List<JsonNode> events() {
        return List.copyOf(events);
    }

    /** Waits for an event of this name whose payload matches; fails the test after the timeout. */
    public JsonNode await(String name, Predicate<JsonNode> payload, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonNode event : events) {
                if (name.equals(event.path("event").asText()) && payload.test(event.path("payload"))) {
                    return event;
                }
            }
            Waits.pause();
        }
        throw new AssertionError("No '" + name + "' event arrived in " + timeout + "; heard: " + events);
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
    }
}
