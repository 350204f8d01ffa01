package dev.funnel.backend.queue;

import java.nio.charset.StandardCharsets;

/** A webhook body taken from a queue; {@code handle} acknowledges or releases it. */
public record QueuedMessage(String handle, byte[] body, int receiveCount) {

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
