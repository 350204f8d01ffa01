package dev.funnel.console.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.console.backend.Conversation;
import dev.funnel.console.backend.ConversationMode;
import dev.funnel.console.backend.TestData;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.FilteredList;
import org.junit.jupiter.api.Test;

/** Moving a conversation to the top is one change for the list's observers, and one they can follow. */
class ConversationListTest {

    private static final Conversation A = TestData.conversation("a", "Ana", ConversationMode.BOT);
    private static final Conversation B = TestData.conversation("b", "Bruno", ConversationMode.BOT);
    private static final Conversation C = TestData.conversation("c", "Clara", ConversationMode.BOT);
    private static final Conversation D = TestData.conversation("d", "Dora", ConversationMode.BOT);

    private final ConversationList list = new ConversationList();
    /** A filtered view as the inbox has, following the changes it is told of. */
    private final FilteredList<Conversation> shown = new FilteredList<>(list);
    private final List<String> changes = new ArrayList<>();

    ConversationListTest() {
        list.setAll(A, B, C);
        list.addListener((ListChangeListener<Conversation>) change -> changes.add(change.toString()));
    }

    @Test
    void aConversationFurtherDownMovesToTheTopInOneChange() {
        list.moveToTop(2, C, 500);

        assertThat(list).containsExactly(C, A, B);
        assertThat(changes).hasSize(1);
        assertThat(shown).as("observers followed the change").containsExactly(C, A, B);
    }

    @Test
    void aNewConversationGoesFirstAndTheListKeepsItsLatestInOneChange() {
        list.moveToTop(-1, D, 3);

        assertThat(list).containsExactly(D, A, B);
        assertThat(changes).hasSize(1);
        assertThat(shown).containsExactly(D, A, B);
    }

    @Test
    void anUpdatedConversationTakesThePlaceOfItsOldSelf() {
        Conversation newer = TestData.conversation("b", "Bruno Costa", ConversationMode.HUMAN);

        list.moveToTop(1, newer, 500);

        assertThat(list).containsExactly(newer, A, C);
        assertThat(shown).containsExactly(newer, A, C);
    }
}
