package dev.funnel.backend.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** A console's WebSocket connection in a test, subscribed once constructed: keeps every event frame it hears. */
public final class EventsClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<JsonNode> events = new CopyOnWriteArrayList<>();
    private final WebSocket socket;

    public EventsClient(URI httpBase, String token) {
        this(httpBase, token, OptionalLong.empty());
    }

    /** With a cursor, connects as a console that reconnects: {@code /ws?token=...&after=<seq>}. */
    public EventsClient(URI httpBase, String token, OptionalLong after) {
        String query = "token=" + token + (after.isPresent() ? "&after=" + after.getAsLong() : "");
        this.socket = connect(httpBase, query, new WebSocket.Listener() {
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
        // the server subscribes the socket after the handshake and then says hello: only from then on is
        // every event sure to reach it (a test acting right after the handshake could beat the subscription)
        await("server_hello", payload -> true, Duration.ofSeconds(30));
    }

    /** Tries to connect with this query ({@code token=...}); returns the HTTP status the refused upgrade got. */
    public static int refusedUpgrade(URI httpBase, String query) {
        try {
            connect(httpBase, query, new WebSocket.Listener() {
            }).join().abort();
        } catch (CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode();
            }
            throw e;
        }
        throw new AssertionError("The server accepted the upgrade with " + query);
    }

    private static CompletableFuture<WebSocket> connect(URI httpBase, String query,
                                                  WebSocket.Listener listener) {
        URI ws = URI.create("ws://" + httpBase.getAuthority() + "/ws?" + query);
        return HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(ws, listener);
    }

    /** Sends a text frame as a console would. */
    public void send(String text) {
        socket.sendText(text, true).join();
    }

    public List<JsonNode> events() {
        return List.copyOf(events);
    }

    /** The cursors of the logged events heard so far (control frames such as heartbeats carry none), in order. */
    public List<Long> seqs() {
        return events.stream().filter(e -> e.has("seq")).map(e -> e.path("seq").asLong()).toList();
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

    /** Waits until the logged event with this cursor has arrived; fails the test after the timeout. */
    public void awaitSeq(long seq, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!seqs().contains(seq)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Event " + seq + " did not arrive in " + timeout + "; heard: " + events);
            }
            Waits.pause();
        }
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
    }
}
