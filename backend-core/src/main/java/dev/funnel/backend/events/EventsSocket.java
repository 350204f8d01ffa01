package dev.funnel.backend.events;

import dev.funnel.backend.auth.Caller;
import dev.funnel.backend.auth.Tokens;
import dev.funnel.backend.http.ApiException;
import io.helidon.http.Headers;
import io.helidon.http.HttpPrologue;
import io.helidon.websocket.WsListener;
import io.helidon.websocket.WsSession;
import io.helidon.websocket.WsUpgradeException;
import java.util.Optional;

/**
 * {@code /ws?token=...}: one console's live connection. The token is checked before the upgrade;
 * from then on the console hears every event of its own organisation and nothing else.
 */
public final class EventsSocket implements WsListener {

    private final Tokens tokens;
    private final EventBus bus;
    private Caller caller;
    private EventBus.Subscription subscription;

    public EventsSocket(Tokens tokens, EventBus bus) {
        this.tokens = tokens;
        this.bus = bus;
    }

    @Override
    public Optional<Headers> onHttpUpgrade(HttpPrologue prologue, Headers headers) throws WsUpgradeException {
        String token = prologue.query().first("token").orElse("");
        try {
            caller = tokens.verify(token);
        } catch (ApiException e) {
            throw new WsUpgradeException("A valid access token is required");
        }
        return Optional.empty();
    }

    @Override
    public void onOpen(WsSession session) {
        subscription = bus.subscribe(caller.organisationId(), frame -> send(session, frame));
        send(session, EventBus.envelope("server_hello", null));
    }

    @Override
    public void onMessage(WsSession session, String text, boolean last) {
        if (text.contains("\"heartbeat\"")) {
            send(session, EventBus.envelope("heartbeat", null));
        }
    }

    @Override
    public void onClose(WsSession session, int status, String reason) {
        unsubscribe();
    }

    @Override
    public void onError(WsSession session, Throwable t) {
        unsubscribe();
    }

    private void unsubscribe() {
        if (subscription != null) {
            subscription.close();
        }
    }

    private static void send(WsSession session, String frame) {
        // events come from several worker threads; frames of one socket must not interleave
        synchronized (session) {
            session.send(frame, true);
        }
    }
}
