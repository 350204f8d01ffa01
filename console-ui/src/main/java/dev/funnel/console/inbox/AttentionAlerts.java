package dev.funnel.console.inbox;

import dev.funnel.console.backend.Conversation;
import dev.funnel.console.common.Notifier;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.beans.property.BooleanProperty;

/**
 * Alerts a person once each time a conversation comes to need them: a notification and, with sound on,
 * a chime. The backend may say so more than once for the same flag (a handoff, then a failure); only the
 * first is told. Once a person clears the flag, the next one is told again. Conversations already
 * flagged when the list is loaded are shown by the list's badges, not alerted.
 */
final class AttentionAlerts {

    private final Notifier notifier;
    private final BooleanProperty soundOn;
    private final Set<String> told = new HashSet<>();

    AttentionAlerts(Notifier notifier, BooleanProperty soundOn) {
        this.notifier = notifier;
        this.soundOn = soundOn;
    }

    void listed(List<Conversation> conversations) {
        conversations.stream().filter(Conversation::needsAttention).map(Conversation::id).forEach(told::add);
    }

    void changed(Conversation conversation) {
        if (!conversation.needsAttention()) {
            told.remove(conversation.id());
        }
    }

    void attentionRequired(String conversationId, String title, String text, Runnable open) {
        if (!told.add(conversationId)) {
            return;
        }
        notifier.attentionRequired(title, text, open);
        if (soundOn.get()) {
            notifier.chime();
        }
    }
}
