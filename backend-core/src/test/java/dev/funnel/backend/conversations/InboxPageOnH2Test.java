package dev.funnel.backend.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.backend.db.Db;
import dev.funnel.backend.testing.TestDatabases;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The inbox's page on H2, the desktop's database: read in order from conversations_inbox_idx and
 * stopped at the page's end, instead of sorting all of an organisation's conversations.
 */
class InboxPageOnH2Test {

    private final TestDatabases.DbUrl url = TestDatabases.h2();
    private final Db db = Db.open(url.url(), url.user(), url.password());

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void theInboxAndItsFiltersReadTheirPageFromTheInboxIndexInOrder() {
        for (ConversationRepository.Filter filter : List.of(ConversationRepository.Filter.ALL,
                new ConversationRepository.Filter("human", null, null, true, null))) {
            List<Object> params = new ArrayList<>();
            String sql = ConversationRepository.pageQuery(UUID.randomUUID(), filter, params);
            params.add(200);
            params.add(0);

            String plan = db.inTransaction(tx -> tx.queryOne("EXPLAIN " + sql, rs -> rs.getString(1),
                    params.toArray())).orElseThrow();

            assertThat(plan).contains("conversations_inbox_idx").contains("index sorted");
        }
    }
}
