package dev.funnel.backend.events;

import dev.funnel.backend.http.Json;
import java.util.UUID;

/**
 * One event of an organisation as it was logged: {@code seq} is its cursor, {@code payload} its JSON
 * text. {@link #frame()} is what a console receives.
 */
public record LiveEvent(long seq, UUID organisationId, String event, String payload) {

    public String frame() {
        return "{\"seq\":" + seq + ",\"event\":" + Json.text(event) + ",\"payload\":" + payload + "}";
    }
}
