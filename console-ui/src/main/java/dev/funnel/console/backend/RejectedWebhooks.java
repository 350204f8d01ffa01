package dev.funnel.console.backend;

import java.util.List;

/**
 * This organisation's rejected webhooks, newest first, and how many more the backend could not tie
 * to any organisation (those are only counted: they may belong to someone else).
 */
public record RejectedWebhooks(List<RejectedWebhook> items, int unattributedCount) {

    public RejectedWebhooks {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
