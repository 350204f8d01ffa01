package dev.funnel.backend.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.backend.analytics.AnalyticsRepository;
import dev.funnel.backend.conversations.Conversation;
import dev.funnel.backend.conversations.ConversationRepository;
import dev.funnel.backend.conversations.Message;
import dev.funnel.backend.conversations.MessageRepository;
import dev.funnel.backend.leads.Lead;
import dev.funnel.backend.leads.LeadField;
import dev.funnel.backend.leads.LeadRepository;
import dev.funnel.backend.organisations.OrganisationRepository;
import dev.funnel.backend.testing.DatabaseContract;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The searches and aggregates behind the leads, inbox, dashboard and analytics routes against the real
 * migrations, on H2 ({@link SearchAndAnalyticsOnH2Test}) and on a real PostgreSQL
 * ({@link SearchAndAnalyticsOnPostgresIT}): the same SQL must answer the same on both.
 */
abstract class SearchAndAnalyticsContract extends DatabaseContract {

    private static final Instant NOW = Instant.parse("2026-11-20T10:15:30Z");

    private final OrganisationRepository organisations = new OrganisationRepository();
    private final LeadRepository leads = new LeadRepository();
    private final ConversationRepository conversations = new ConversationRepository();
    private final MessageRepository messages = new MessageRepository();
    private final AnalyticsRepository analytics = new AnalyticsRepository();
    private UUID org;

    @BeforeEach
    void createOrganisation() {
        org = db.inTransaction(tx -> organisations.create(tx, "Acme", NOW)).id();
    }

    @Test
    void leadSearchIsCaseInsensitiveOverNameEmailCompanyAndPhoneDigits() {
        UUID asha = create("919800000001", "Asha Rao", "asha@rao.test", "Rao Textiles", NOW);
        UUID ben = create("447700900123", "Ben", null, "ACME Widgets", NOW.plusSeconds(1));
        create("14155550123", "Chandra", "c@x.test", null, NOW.plusSeconds(2));

        assertThat(search(new LeadRepository.Search(null, null, null, "RAO"))).containsExactly(asha);
        assertThat(search(new LeadRepository.Search(null, null, null, "widgets"))).containsExactly(ben);
        assertThat(search(new LeadRepository.Search(null, null, null, "+44 7700"))).containsExactly(ben);
        assertThat(search(new LeadRepository.Search(null, null, null, "@RAO.TEST"))).containsExactly(asha);
    }

    @Test
    void percentAndUnderscoreInASearchAreLiteral() {
        UUID percent = create("919800000002", "100% Cotton", null, null, NOW);
        create("919800000003", "1000 Cotton", null, null, NOW);
        UUID underscore = create("919800000004", "a_b", null, null, NOW);
        create("919800000005", "axb", null, null, NOW);

        assertThat(search(new LeadRepository.Search(null, null, null, "0%"))).containsExactly(percent);
        assertThat(search(new LeadRepository.Search(null, null, null, "a_b"))).containsExactly(underscore);
    }

    @Test
    void aLeadsStateIsItsConversationsOnceItHasOne() {
        UUID imported = create("919800000006", "Imported", null, null, NOW);
        Conversation talking = conversation("919800000007");
        db.inTransactionRun(tx -> conversations.applyTurn(tx, talking.id(), "pricing", "high", "curious", "s", null,
                NOW.plusSeconds(5)));

        assertThat(search(new LeadRepository.Search("pricing", "high", "curious", null)))
                .containsExactly(talking.leadId());
        assertThat(search(new LeadRepository.Search("greeting", null, null, null))).containsExactly(imported);
        Lead lead = db.inTransaction(tx -> leads.find(tx, org, talking.leadId())).orElseThrow();
        assertThat(lead.conversationId()).isEqualTo(talking.id());
        assertThat(lead.updatedAt()).isEqualTo(NOW.plusSeconds(5));
    }

    @Test
    void changingALeadsStageChangesItsConversationAndTheProfileStaysTheLeads() {
        Conversation c = conversation("919800000008");

        db.inTransactionRun(tx -> leads.update(tx, c.leadId(), new java.util.EnumMap<>(Map.of(
                LeadField.STAGE, "closed", LeadField.COMPANY, "Won Ltd", LeadField.NAME, "")), NOW));

        Conversation after = db.inTransaction(tx -> conversations.find(tx, org, c.id())).orElseThrow();
        Lead lead = db.inTransaction(tx -> leads.find(tx, org, c.leadId())).orElseThrow();
        assertThat(after.stage()).isEqualTo("closed");
        assertThat(lead.stage()).isEqualTo("closed");
        assertThat(lead.company()).isEqualTo("Won Ltd");
    }

    @Test
    void aConversationStartsWithTheStateAPersonGaveItsLead() {
        UUID lead = create("919800000009", "Ravi", null, null, NOW);
        db.inTransactionRun(tx -> leads.update(tx, lead, Map.of(LeadField.STAGE, "qualification"), NOW));

        Conversation c = db.inTransaction(tx -> conversations.getOrCreate(tx, org, lead, NOW));

        assertThat(c.stage()).isEqualTo("qualification");
    }

    @Test
    void leadsArePagedMostRecentlyChangedFirstWithTheirTotal() {
        UUID first = create("919800000010", "First", null, null, NOW);
        UUID second = create("919800000011", "Second", null, null, NOW.plusSeconds(1));
        UUID third = create("919800000012", "Third", null, null, NOW.plusSeconds(2));

        List<UUID> page1 = db.inTransaction(tx -> leads.search(tx, org, LeadRepository.Search.ALL, 2, 0))
                .stream().map(Lead::id).toList();
        List<UUID> page2 = db.inTransaction(tx -> leads.search(tx, org, LeadRepository.Search.ALL, 2, 2))
                .stream().map(Lead::id).toList();

        assertThat(page1).containsExactly(third, second);
        assertThat(page2).containsExactly(first);
        int total = db.inTransaction(tx -> leads.count(tx, org, LeadRepository.Search.ALL));
        assertThat(total).isEqualTo(3);
    }

    @Test
    void aPhoneIsOneRealLeadAndImportsFillOnlyWhatIsEmpty() {
        create("919800000013", "Kept", null, null, NOW);

        boolean again = db.inTransaction(tx -> leads.create(tx, org, "919800000013", "Other", null, null, NOW))
                .isPresent();
        db.inTransactionRun(tx -> leads.fillEmpty(tx, org, "919800000013", "Overwritten?", "k@x.test", null, NOW));

        Lead after = db.inTransaction(tx -> leads.realLeadsByPhone(tx, org)).get("919800000013");
        assertThat(again).isFalse();
        assertThat(after.name()).isEqualTo("Kept");
        assertThat(after.email()).isEqualTo("k@x.test");
    }

    @Test
    void deletingALeadDeletesItsConversationAndMessages() {
        Conversation c = conversation("919800000014");
        inbound(c, "hello", NOW);

        boolean deleted = db.inTransaction(tx -> leads.delete(tx, org, c.leadId()));

        assertThat(deleted).isTrue();
        Optional<Conversation> conversation = db.inTransaction(tx -> conversations.find(tx, org, c.id()));
        int messagesLeft = db.inTransaction(tx -> tx.queryOne("SELECT COUNT(*) FROM messages", rs -> rs.getInt(1)))
                .orElseThrow();
        assertThat(conversation).isEmpty();
        assertThat(messagesLeft).isZero();
    }

    @Test
    void theInboxFiltersByStateAndSearchesMessageTextAndLeadNames() {
        Conversation pricing = conversation("919800000015");
        Conversation other = conversation("919800000016");
        db.inTransactionRun(tx -> conversations.applyTurn(tx, pricing.id(), "pricing", "high", "curious", null, null,
                NOW));
        inbound(other, "Do you ship to PUNE?", NOW);

        assertThat(inbox(new ConversationRepository.Filter(null, "pricing", "high", null, null)))
                .containsExactly(pricing.id());
        assertThat(inbox(new ConversationRepository.Filter(null, null, null, null, "pune"))).containsExactly(other.id());
        assertThat(inbox(new ConversationRepository.Filter("bot", null, null, false, "919800000015")))
                .containsExactly(pricing.id());
        int matching = db.inTransaction(tx -> conversations.count(tx, org, new ConversationRepository.Filter(null,
                null, null, null, "ship")));
        assertThat(matching).isEqualTo(1);
    }

    @Test
    void messagesArePagedBackwardsFromAMessageOrATimeAndReadOldestFirst() {
        Conversation c = conversation("919800000017");
        List<Message> sent = List.of(inbound(c, "one", NOW), inbound(c, "two", NOW.plusSeconds(1)),
                inbound(c, "three", NOW.plusSeconds(2)), inbound(c, "four", NOW.plusSeconds(3)));

        MessageRepository.Before beforeFour = db.inTransaction(tx -> messages.before(tx, org, c.id(),
                sent.get(3).id())).orElseThrow();
        List<Message> older = db.inTransaction(tx -> messages.list(tx, org, c.id(), 2, beforeFour));
        List<Message> beforeTime = db.inTransaction(tx -> messages.list(tx, org, c.id(), 10,
                MessageRepository.Before.time(NOW.plusSeconds(1))));

        assertThat(older).extracting(Message::content).containsExactly("two", "three");
        assertThat(beforeTime).extracting(Message::content).containsExactly("one");
        Optional<MessageRepository.Before> elsewhere = db.inTransaction(tx -> messages.before(tx, UUID.randomUUID(),
                c.id(), sent.get(3).id()));
        assertThat(elsewhere).isEmpty();
    }

    @Test
    void leadStatesAreCountedForLeadsCreatedInTheRange() {
        create("919800000018", null, null, null, NOW.minusSeconds(3600 * 48));
        create("919800000019", null, null, null, NOW);
        Conversation c = conversation("919800000020");
        db.inTransactionRun(tx -> conversations.applyTurn(tx, c.id(), "pricing", "high", "curious", null, null, NOW));

        List<AnalyticsRepository.StateCount> states = db.inTransaction(tx -> analytics.leadStates(tx, org,
                NOW.minusSeconds(3600), NOW.plusSeconds(3600)));

        assertThat(states).containsExactlyInAnyOrder(
                new AnalyticsRepository.StateCount("greeting", "unknown", "neutral", 1),
                new AnalyticsRepository.StateCount("pricing", "high", "curious", 1));
    }

    @Test
    void analyticsRowsAreTheOrganisationsWithinTheRange() {
        Conversation c = conversation("919800000021");
        inbound(c, "in range", NOW);
        inbound(c, "too late", NOW.plusSeconds(7200));
        db.inTransactionRun(tx -> {
            tx.update("""
                    INSERT INTO conversation_events (id, organisation_id, conversation_id, event_type, pipeline_step,
                        input_tokens, output_tokens, cost_usd, created_at) VALUES (?, ?, ?, 'pipeline_step', 'analyze',
                        100, 20, 0.00012345, ?)""", UUID.randomUUID(), org, c.id(), NOW);
            tx.update("""
                    INSERT INTO conversation_events (id, organisation_id, conversation_id, event_type, output_summary,
                        created_at) VALUES (?, ?, ?, 'handoff', 'The bot handed this over: why', ?)""",
                    UUID.randomUUID(), org, c.id(), NOW);
            tx.update("""
                    INSERT INTO conversation_events (id, organisation_id, conversation_id, event_type, created_at)
                    VALUES (?, ?, ?, 'wait_decided', ?)""", UUID.randomUUID(), org, c.id(), NOW);
            tx.update("""
                    INSERT INTO audit_log (id, organisation_id, action, entity_type, entity_id, created_at)
                    VALUES (?, ?, 'conversation.takeover', 'conversation', ?, ?)""",
                    UUID.randomUUID(), org, c.id().toString(), NOW);
        });
        Instant from = NOW.minusSeconds(60);
        Instant to = NOW.plusSeconds(60);
        UUID stranger = db.inTransaction(tx -> organisations.create(tx, "Other", NOW)).id();

        List<AnalyticsRepository.MessageRow> rows = db.inTransaction(tx -> analytics.messages(tx, org, from, to));
        List<AnalyticsRepository.EventRow> events = db.inTransaction(tx -> analytics.events(tx, org, from, to));

        assertThat(rows).extracting(AnalyticsRepository.MessageRow::from).containsExactly("lead");
        assertThat(events).extracting(AnalyticsRepository.EventRow::type).containsExactlyInAnyOrder("pipeline_step",
                "handoff");
        assertThat(events).filteredOn(AnalyticsRepository.EventRow::modelCall).singleElement().satisfies(e -> {
            assertThat(e.inputTokens()).isEqualTo(100);
            assertThat(e.costUsd()).isEqualByComparingTo(new BigDecimal("0.00012345"));
        });
        List<AnalyticsRepository.Takeover> takeovers = db.inTransaction(tx -> analytics.takeovers(tx, org, from, to));
        List<AnalyticsRepository.MessageRow> strangers = db.inTransaction(tx -> analytics.messages(tx, stranger, from,
                to));
        assertThat(takeovers).extracting(AnalyticsRepository.Takeover::conversationId).containsExactly(c.id());
        assertThat(strangers).isEmpty();
    }

    @Test
    void dashboardCountsConversationsByModeAndTodaysMessages() {
        Conversation human = conversation("919800000022");
        conversation("919800000023");
        db.inTransactionRun(tx -> conversations.flag(tx, human.id(), "help", true, NOW));
        inbound(human, "yesterday", NOW.minusSeconds(86_400));
        inbound(human, "today", NOW);
        db.inTransactionRun(tx -> messages.recordOutbound(tx, human, "bot", "reply", null, "k1", null, NOW));

        AnalyticsRepository.Dashboard d = db.inTransaction(tx -> analytics.dashboard(tx, org, NOW.minusSeconds(60)));

        assertThat(d.conversationsBot()).isEqualTo(1);
        assertThat(d.conversationsHuman()).isEqualTo(1);
        assertThat(d.needsAttention()).isEqualTo(1);
        assertThat(d.messagesInToday()).isEqualTo(1);
        assertThat(d.messagesOutToday()).isEqualTo(1);
        assertThat(d.botRepliesToday()).isEqualTo(1);
        assertThat(d.leadsTotal()).isEqualTo(2);
    }

    // --- helpers

    private UUID create(String phone, String name, String email, String company, Instant at) {
        return db.inTransaction(tx -> leads.create(tx, org, phone, name, email, company, at)).orElseThrow();
    }

    private List<UUID> search(LeadRepository.Search search) {
        return db.inTransaction(tx -> leads.search(tx, org, search, 50, 0)).stream().map(Lead::id).toList();
    }

    private List<UUID> inbox(ConversationRepository.Filter filter) {
        return db.inTransaction(tx -> conversations.list(tx, org, filter, 50, 0)).stream().map(Conversation::id)
                .toList();
    }

    private Conversation conversation(String phone) {
        return db.inTransaction(tx -> {
            Lead lead = leads.getOrCreate(tx, org, phone, null, null, false, NOW);
            return conversations.getOrCreate(tx, org, lead.id(), NOW);
        });
    }

    private Message inbound(Conversation c, String text, Instant at) {
        String key = UUID.randomUUID().toString();
        return db.inTransaction(tx -> messages.storeInbound(tx, c, new MessageRepository.Inbound("wamid." + key, key,
                "text", text, "{}", null, at, null, null), at)).message();
    }
}
