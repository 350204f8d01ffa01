package dev.funnel.console.backend;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The live event stream: one WebSocket, a heartbeat every 20 s, and reconnection with exponential
 * backoff (1 s doubling to 30 s) until closed. It remembers the cursor of the last event it heard
 * and reconnects with {@code after=<cursor>}, so the backend sends what was missed meanwhile before
 * the live events. Listeners learn of every state change, so the console can show it.
 */
final class WebSocketEventStream implements EventSubscription {

    private static final Logger LOG = Logger.getLogger(WebSocketEventStream.class.getName());
    private static final Duration HEARTBEAT_EVERY = Duration.ofSeconds(20);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(30);

    private final HttpClient http;
    private final URI uri;
    private final BackendEventListener listener;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("funnel-live-events").factory());

    private volatile boolean closed;
    private volatile WebSocket socket;
    /** The last event's cursor; -1 before the first. Written on the socket's listener thread only. */
    private volatile long cursor = -1;
    private ScheduledFuture<?> heartbeat;
    private Duration nextRetry = FIRST_RETRY;

    private WebSocketEventStream(HttpClient http, URI uri, BackendEventListener listener) {
        this.http = http;
        this.uri = uri;
        this.listener = listener;
    }

    static WebSocketEventStream open(HttpClient http, URI uri, BackendEventListener listener) {
        WebSocketEventStream stream = new WebSocketEventStream(http, uri, listener);
        stream.timer.execute(stream::connect);
        return stream;
    }

    @Override
    public void close() {
        closed = true;
        WebSocket current = socket;
        if (current != null) {
            current.sendClose(WebSocket.NORMAL_CLOSURE, "console closed");
        }
        timer.shutdownNow();
        listener.onConnectionState(ConnectionState.CLOSED);
    }

    private void connect() {
        if (closed) {
            return;
        }
        listener.onConnectionState(ConnectionState.CONNECTING);
        http.newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .buildAsync(resumeUri(uri, cursor), new Frames())
                .whenComplete((ws, failure) -> {
                    if (failure != null) {
                        LOG.log(Level.FINE, "Live events: connect failed", failure);
                        lost();
                    }
                });
    }

    /** The socket's address, asking for the events after the cursor once there is one. */
    static URI resumeUri(URI uri, long cursor) {
        return cursor < 0 ? uri : URI.create(uri + (uri.getRawQuery() == null ? "?" : "&") + "after=" + cursor);
    }

    /** Runs on the timer thread only, so the retry delay and heartbeat need no locking. */
    private void scheduleReconnect() {
        if (closed) {
            return;
        }
        if (heartbeat != null) {
            heartbeat.cancel(false);
        }
        socket = null;
        listener.onConnectionState(ConnectionState.RECONNECTING);
        timer.schedule(this::connect, nextRetry.toMillis(), TimeUnit.MILLISECONDS);
        Duration doubled = nextRetry.multipliedBy(2);
        nextRetry = doubled.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : doubled;
    }

    private void connected(WebSocket ws) {
        socket = ws;
        nextRetry = FIRST_RETRY;
        long every = HEARTBEAT_EVERY.toMillis();
        heartbeat = timer.scheduleAtFixedRate(() -> ws.sendText(BackendEvents.heartbeatFrame(), true),
                every, every, TimeUnit.MILLISECONDS);
        listener.onConnectionState(ConnectionState.CONNECTED);
    }

    private void lost() {
        onTimer(this::scheduleReconnect);
    }

    private void onTimer(Runnable step) {
        try {
            if (!closed) {
                timer.execute(step);
            }
        } catch (RejectedExecutionException closedMeanwhile) {
            // close() won the race; nothing left to do
        }
    }

    /** Reassembles text frames that arrive in parts, and turns open/close/error into state changes. */
    private final class Frames implements WebSocket.Listener {

        private final StringBuilder partial = new StringBuilder();

        @Override
        public void onOpen(WebSocket ws) {
            onTimer(() -> connected(ws));
            ws.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String frame = partial.toString();
                partial.setLength(0);
                deliver(frame);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            lost();
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            LOG.log(Level.FINE, "Live events: connection error", error);
            lost();
        }

        private void deliver(String frame) {
            cursor = BackendEvents.advance(cursor, frame);
            try {
                listener.onEvent(BackendEvents.parse(frame));
            } catch (RuntimeException e) {
                // one bad frame must not end the stream
                LOG.log(Level.WARNING, "Live events: ignored a frame", e);
            }
        }
    }
}
