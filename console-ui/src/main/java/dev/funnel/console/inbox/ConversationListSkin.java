package dev.funnel.console.inbox;

import dev.funnel.console.backend.Conversation;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.skin.ListViewSkin;
import javafx.scene.control.skin.VirtualFlow;

/**
 * The conversation list's skin: JavaFX's own, except that a row given another conversation is not styled
 * again as a whole. {@code VirtualFlow} applies CSS to a row and every node in it whenever the row takes
 * another item while it needs layout, so that a row of variable size is measured with its styles. Under
 * load every lead message moves its conversation to the top, so every row on screen takes another
 * conversation at every batch of live events, and that styling was the largest part of the window's
 * work (docs/benchmarks.md).
 * The rows here have one fixed height (inbox.css), so their size never depends on their styles: a row is
 * styled as a whole when it is made or its lines come back after it was empty, and otherwise only the
 * labels whose states change are styled again, by the next pulse's CSS pass, as anywhere in the window.
 */
final class ConversationListSkin extends ListViewSkin<Conversation> {

    ConversationListSkin(ListView<Conversation> list) {
        super(list);
    }

    @Override
    protected VirtualFlow<ListCell<Conversation>> createVirtualFlow() {
        return new VirtualFlow<>() {
            @Override
            protected void setCellIndex(ListCell<Conversation> row, int index) {
                boolean styled = row.getSkin() != null && !row.isEmpty();
                if (styled) {
                    row.updateIndex(index);
                } else {
                    // a new row, or an empty one whose lines come back: styled now, as JavaFX does
                    super.setCellIndex(row, index);
                }
            }
        };
    }
}
