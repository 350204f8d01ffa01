package dev.funnel.console.inbox;

import dev.funnel.console.backend.Conversation;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.ModifiableObservableListBase;

/**
 * The inbox's conversations, where moving one to the top is one change for the list's observers rather
 * than a removal, an insertion and a trim: the filtered list, the list view and each of its rows answer
 * every change, and under load every lead message moves a conversation (docs/benchmarks.md).
 */
final class ConversationList extends ModifiableObservableListBase<Conversation> {

    private final List<Conversation> items = new ArrayList<>();

    /**
     * Puts {@code conversation} first: in place of the one at {@code index}, or as a new one when
     * {@code index} is negative; then keeps the first {@code max}.
     */
    void moveToTop(int index, Conversation conversation, int max) {
        beginChange();
        try {
            if (index >= 0) {
                remove(index);
            }
            add(0, conversation);
            if (size() > max) {
                remove(max, size());
            }
        } finally {
            endChange();
        }
    }

    @Override
    public Conversation get(int index) {
        return items.get(index);
    }

    @Override
    public int size() {
        return items.size();
    }

    @Override
    protected void doAdd(int index, Conversation conversation) {
        items.add(index, conversation);
    }

    @Override
    protected Conversation doSet(int index, Conversation conversation) {
        return items.set(index, conversation);
    }

    @Override
    protected Conversation doRemove(int index) {
        return items.remove(index);
    }
}
