package dev.funnel.backend.events;

import com.fasterxml.jackson.databind.JsonNode;
import dev.funnel.backend.auth.Caller;
import dev.funnel.backend.auth.Tokens;
import dev.funnel.backend.http.ApiException;
import dev.funnel.backend.http.Json;
import io.helidon.http.Headers;
import io.helidon.http.HttpPrologue;
import io.helidon.websocket.WsListener;
import io.helidon.websocket.WsSession;
import io.helidon.websocket.WsUpgradeException;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code /ws?token=...[&after=<seq>]}: one console's live connection. The token is checked before
 * the upgrade; from then on the console hears every event of its own organisation and nothing else.
 * It may send {@code {"type":"heartbeat"}}, {@code {"type":"ack","seq":n}} and
 * {@code {"type":"resume","after":n}}; anything else is answered with an {@code error} event and the
 * connection stays open.
 */
public final class EventsSocket implements WsListener {

    private final Tokens tokens;
    private final EventBus bus;
    private final Duration heartbeat;
    private final StringBuilder partial = new StringBuilder();
    private Caller caller;
    private OptionalLong resumeAfter = OptionalLong.empty();
    private LiveStream stream;

    /** @param heartbeat how often the server sends a heartbeat of its own */
    public EventsSocket(Tokens tokens, EventBus bus, Duration heartbeat) {
        this.tokens = tokens;
        this.bus = bus;
        this.heartbeat = heartbeat;
    }

    @Override
    public Optional<Headers> onHttpUpgrade(HttpPrologue prologue, Headers headers) throws WsUpgradeException {
        String token = prologue.query().first("token").orElse("");
        try {
            caller = tokens.verify(token);
        } catch (ApiException e) {
            throw new WsUpgradeException("A valid access token is required");
        }
        Optional<String> after = prologue.query().first("after").asOptional();
        if (after.isPresent()) {
            resumeAfter = cursor(after.get());
            if (resumeAfter.isEmpty()) {
                throw new WsUpgradeException("after must be a whole number of 0 or more");
            }
        }
        return Optional.empty();
    }

    @Override
    public void onOpen(WsSession session) {
        stream = new LiveStream(session, bus, caller.organisationId(), heartbeat);
        stream.open(resumeAfter);
    }

    @Override
    public void onMessage(WsSession session, String text, boolean last) {
        partial.append(text);
        if (last) {
            String message = partial.toString();
            partial.setLength(0);
            answer(message);
        }
    }

    @Override
    public void onClose(WsSession session, int status, String reason) {
        close();
    }

    @Override
    public void onError(WsSession session, Throwable t) {
        close();
    }

    private void answer(String message) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(message);
        } catch (IOException e) {
            error("The message is not JSON: send {\"type\": \"heartbeat\" | \"ack\" | \"resume\", ...}");
            return;
        }
        if (node == null || !node.isObject()) {
            error("A message must be a JSON object with a \"type\"");
            return;
        }
        // "event" is what consoles before the resume protocol sent their heartbeat under
        String type = node.path("type").asText(node.path("event").asText(""));
        switch (type) {
            case "heartbeat" -> stream.control("heartbeat", null);
            case "ack" -> cursor(node.path("seq")).ifPresentOrElse(
                    seq -> stream.control("ack", Map.of("seq", seq)),
                    () -> error("ack needs \"seq\", a whole number of 0 or more"));
            case "resume" -> cursor(node.path("after")).ifPresentOrElse(stream::resume,
                    () -> error("resume needs \"after\", a whole number of 0 or more"));
            case "" -> error("A message needs a \"type\": heartbeat, ack or resume");
            default -> error("Unknown message type '" + type + "': send heartbeat, ack or resume");
        }
    }

    private void error(String problem) {
        stream.control("error", Map.of("error", problem));
    }

    private static OptionalLong cursor(JsonNode value) {
        return value.isIntegralNumber() && value.canConvertToLong() && value.asLong() >= 0
                ? OptionalLong.of(value.asLong()) : OptionalLong.empty();
    }

    private static OptionalLong cursor(String value) {
        try {
            long parsed = Long.parseLong(value.trim());
            return parsed >= 0 ? OptionalLong.of(parsed) : OptionalLong.empty();
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private void close() {
        if (stream != null) {
            stream.close();
        }
    }
}
