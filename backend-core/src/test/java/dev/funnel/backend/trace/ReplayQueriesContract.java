package dev.funnel.backend.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.backend.conversations.Conversation;
import dev.funnel.backend.conversations.ConversationRepository;
import dev.funnel.backend.conversations.MessageRepository;
import dev.funnel.backend.db.Db;
import dev.funnel.backend.leads.LeadRepository;
import dev.funnel.backend.organisations.OrganisationRepository;
import dev.funnel.backend.pipeline.PipelineStep;
import dev.funnel.backend.pipeline.StepTrace;
import dev.funnel.backend.testing.TestDatabases;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a replay reads of the past, on every database Funnel runs on. */
abstract class ReplayQueriesContract {

    private static final Instant T1 = Instant.parse("2026-11-20T10:00:00Z");
    private static final Instant T2 = Instant.parse("2026-11-20T11:00:00Z");
    private static final Instant T3 = Instant.parse("2026-11-20T12:00:00Z");

    private final TraceRepository traces = new TraceRepository(new ModelPrices(Map.of()));
    private final MessageRepository messages = new MessageRepository();
    private Db db;
    private Conversation conversation;

    abstract TestDatabases.DbUrl database();

    @BeforeEach
    void openDatabase() {
        TestDatabases.DbUrl url = database();
        db = Db.open(url.url(), url.user(), url.password());
        conversation = db.inTransaction(tx -> {
            UUID org = new OrganisationRepository().create(tx, "Acme", T1).id();
            UUID lead = new LeadRepository().getOrCreate(tx, org, "15550001", null, null, false, T1).id();
            return new ConversationRepository().getOrCreate(tx, org, lead, T1);
        });
    }

    @AfterEach
    void closeDatabase() {
        db.close();
    }

    @Test
    void theSummaryAtATimeIsTheLastOneASummarizeStepWroteBeforeIt() {
        summarized("{\"updated_rolling_summary\":\"First\"}", T1);
        summarized("{\"updated_rolling_summary\":\"Second\"}", T2);
        summarized("invalid answer again: not JSON", T2.plusSeconds(60));
        summarized("{\"updated_rolling_summary\":\"Third\"}", T3);

        assertThat(summaryBefore(T3)).contains("Second");
        assertThat(summaryBefore(T1)).isEmpty();
    }

    @Test
    void theBotsLastMessageBeforeATimeIgnoresLaterOnesAndPeople() {
        db.inTransaction(tx -> messages.recordOutbound(tx, conversation, "bot", "one", null, "k1", null, T1));
        db.inTransaction(tx -> messages.recordOutbound(tx, conversation, "human", "two", null, "k2", null, T2));
        db.inTransaction(tx -> messages.recordOutbound(tx, conversation, "bot", "three", null, "k3", null, T3));

        assertThat(lastBotMessageBefore(T3)).contains(T1);
        assertThat(lastBotMessageBefore(T1)).isEmpty();
    }

    private void summarized(String output, Instant at) {
        db.inTransactionRun(tx -> traces.recordStep(tx, conversation.organisationId(), conversation.id(), null,
                new StepTrace(PipelineStep.SUMMARIZE, "default-1", "previous summary: 0 words", output, 10, 5, 5),
                "m", at));
    }

    private Optional<Instant> lastBotMessageBefore(Instant at) {
        return db.inTransaction(tx -> messages.lastBotMessageBefore(tx, conversation.organisationId(),
                conversation.id(), at));
    }

    private Optional<String> summaryBefore(Instant at) {
        return db.inTransaction(tx -> traces.summaryBefore(tx, conversation.organisationId(), conversation.id(), at));
    }
}
