package dev.funnel.backend.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.funnel.backend.RunningBackend;
import dev.funnel.backend.audit.AuditLog;
import dev.funnel.backend.conversations.Conversation;
import dev.funnel.backend.conversations.ConversationRepository;
import dev.funnel.backend.conversations.MessageRepository;
import dev.funnel.backend.db.Tx;
import dev.funnel.backend.leads.LeadRepository;
import dev.funnel.backend.testing.ApiClient;
import dev.funnel.backend.testing.ConnectedOrganisations;
import dev.funnel.backend.testing.LlmScripts;
import dev.funnel.backend.testing.Waits;
import dev.funnel.backend.testing.Webhooks;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard from real webhooks and bot turns, and the analytics of a small dataset written at known
 * times in an organisation east of UTC, where its days and UTC's differ.
 */
class AnalyticsApiTest {

    private static final String APP_SECRET = "analytics-secret";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String RANGE = "/analytics?from=2026-11-10&to=2026-11-11";

    private static ConnectedOrganisations organisations;
    private static RunningBackend backend;

    private final LeadRepository leads = new LeadRepository();
    private final ConversationRepository conversations = new ConversationRepository();
    private final MessageRepository messages = new MessageRepository();

    @BeforeAll
    static void start(@TempDir Path dataDir) {
        organisations = ConnectedOrganisations.start(dataDir, APP_SECRET, "55506");
        backend = organisations.backend();
    }

    @AfterAll
    static void stop() {
        organisations.close();
    }

    @Test
    void theDashboardCountsWhatTheBotAndPeopleDidToday() {
        ApiClient api = newOrganisation(true);
        LlmScripts.sendNow(organisations.llm(), "Plans start at 999 a month.");
        leadWrites(api, "919800000001", "How much?");
        Waits.until("the bot's reply and its follow-up", WAIT, () -> api.get("/dashboard/stats").body()
                .path("followups_pending").asInt() == 1 && api.get("/dashboard/stats").body()
                .path("bot_replies_today").asInt() == 1);
        api.post("/leads", "{\"phone\":\"919800000002\"}");

        JsonNode stats = api.get("/dashboard/stats").body();

        assertThat(stats.path("leads_total").asInt()).isEqualTo(2);
        assertThat(stats.path("leads_new_today").asInt()).isEqualTo(2);
        assertThat(stats.path("conversations_total").asInt()).isEqualTo(1);
        assertThat(stats.path("conversations_bot").asInt()).isEqualTo(1);
        assertThat(stats.path("conversations_human").asInt()).isZero();
        assertThat(stats.path("messages_in_today").asInt()).isEqualTo(1);
        assertThat(stats.path("messages_out_today").asInt()).isEqualTo(1);
        assertThat(stats.path("handoffs_today").asInt()).isZero();
        assertThat(stats.path("today").asText()).isEqualTo(LocalDate.now(ZoneId.of("UTC")).toString());
    }

    @Test
    void theDashboardCountsHandoffsAndConversationsNeedingAPerson() {
        ApiClient api = newOrganisation(false);
        leadWrites(api, "919800000011", "Anyone there?");
        Waits.until("the handoff", WAIT, () -> api.get("/dashboard/stats").body().path("handoffs_today").asInt() == 1);

        JsonNode stats = api.get("/dashboard/stats").body();

        assertThat(stats.path("needs_attention").asInt()).isEqualTo(1);
        assertThat(stats.path("bot_replies_today").asInt()).isZero();
        assertThat(stats.path("followups_pending").asInt()).isZero();
    }

    @Test
    void theFunnelAndStatesCountLeadsCreatedInTheRangeByTheOrganisationsDays() {
        ApiClient api = knownDataset();

        JsonNode report = api.get(RANGE).body();

        assertThat(report.path("time_zone").asText()).isEqualTo("Asia/Kolkata");
        assertThat(counts(report.path("funnel"), "stage")).containsExactly(Map.entry("greeting", 2),
                Map.entry("qualification", 0), Map.entry("pricing", 1), Map.entry("cta", 0), Map.entry("closed", 0),
                Map.entry("lost", 0), Map.entry("ghosted", 0));
        assertThat(counts(report.path("intent"), "intent_level")).contains(Map.entry("high", 1),
                Map.entry("unknown", 2), Map.entry("low", 0));
        assertThat(counts(report.path("sentiment"), "sentiment")).contains(Map.entry("curious", 1),
                Map.entry("neutral", 2));
    }

    @Test
    void handoffsAreCountedByReasonWithTheTakeovers() {
        ApiClient api = knownDataset();

        JsonNode handoffs = api.get(RANGE).body().path("handoffs");

        assertThat(handoffs.path("total").asInt()).isEqualTo(2);
        assertThat(handoffs.path("takeovers").asInt()).isEqualTo(1);
        assertThat(handoffs.path("by_reason")).extracting(r -> r.path("reason").asText() + "=" + r.path("count").asInt())
                .containsExactly("The bot could not answer=1", "The bot handed this conversation to a person=1");
    }

    @Test
    void responseTimesRunFromTheFirstUnansweredMessageAndFromTheHandoff() {
        ApiClient api = knownDataset();

        JsonNode times = api.get(RANGE).body().path("response_times");

        assertThat(times.path("bot_reply").path("count").asInt()).isEqualTo(3);
        assertThat(times.path("bot_reply").path("p50_ms").asLong()).isEqualTo(20_000);
        assertThat(times.path("bot_reply").path("p90_ms").asLong()).isEqualTo(30_000);
        assertThat(times.path("human_first_response").path("count").asInt()).isEqualTo(1);
        assertThat(times.path("human_first_response").path("p50_ms").asLong()).isEqualTo(120_000);
    }

    @Test
    void messagesTokensAndCostAreCountedPerLocalDay() {
        ApiClient api = knownDataset();

        JsonNode report = api.get(RANGE).body();

        assertThat(report.path("messages_per_day")).extracting(d -> d.path("date").asText() + " in "
                + d.path("inbound").asInt() + " out " + d.path("outbound").asInt())
                .containsExactly("2026-11-10 in 3 out 2", "2026-11-11 in 1 out 2");
        JsonNode usage = report.path("usage_per_day");
        assertThat(usage).extracting(d -> d.path("date").asText() + " calls " + d.path("calls").asInt() + " tokens "
                + d.path("input_tokens").asLong() + "/" + d.path("output_tokens").asLong())
                .containsExactly("2026-11-10 calls 1 tokens 100/20", "2026-11-11 calls 1 tokens 200/50");
        assertThat(usage.get(0).path("cost_usd").decimalValue()).isEqualByComparingTo(new BigDecimal("0.001"));
        assertThat(usage.get(1).path("cost_usd").decimalValue()).isEqualByComparingTo(BigDecimal.ZERO);
    }

    @Test
    void theRangeIsCheckedAndDefaultsToTheLastThirtyDays() {
        ApiClient api = newOrganisation(false);

        JsonNode defaults = api.get("/analytics").body();

        assertThat(defaults.path("messages_per_day")).hasSize(30);
        assertThat(defaults.path("to").asText()).isEqualTo(LocalDate.now(ZoneId.of("UTC")).toString());
        assertThat(api.get("/analytics?from=10/11/2026").body().path("error").asText()).startsWith("from must be a date");
        assertThat(api.get("/analytics?from=2026-11-10&to=2026-11-09").body().path("error").asText())
                .isEqualTo("to must be on or after from");
        assertThat(api.get("/analytics?from=2025-11-10&to=2026-11-11").status()).isEqualTo(400);
        assertThat(api.get("/analytics?from=2025-11-11&to=2026-11-11").status()).isEqualTo(200);
    }

    @Test
    void anotherOrganisationSeesNoneOfTheFigures() {
        knownDataset();
        ApiClient stranger = newOrganisation(false);

        JsonNode report = stranger.get(RANGE).body();

        assertThat(report.path("funnel").valueStream().mapToInt(s -> s.path("leads").asInt()).sum()).isZero();
        assertThat(report.path("messages_per_day").valueStream().mapToInt(d -> d.path("inbound").asInt()).sum())
                .isZero();
        assertThat(report.path("handoffs").path("total").asInt()).isZero();
        assertThat(stranger.get("/dashboard/stats").body().path("leads_total").asInt()).isZero();
        assertThat(new ApiClient(backend.baseUri()).get(RANGE).status()).isEqualTo(401);
    }

    // --- helpers

    /**
     * An organisation in Asia/Kolkata (UTC+05:30) with two days of work. Lead 1 (pricing, high, curious)
     * asks twice on 10 November and the bot answers in 10 s and 30 s; lead 2 writes at 00:30 on the 11th
     * local time (still the 10th in UTC), the bot answers in 20 s, hands off, a person takes over and
     * writes 2 minutes after the handoff; lead 3 was created before the range; lead 4 was added on the
     * 11th and never wrote.
     */
    private ApiClient knownDataset() {
        ApiClient api = newOrganisation(false);
        UUID org = UUID.fromString(api.get("/auth/me").body().path("organisation").path("id").asText());
        UUID user = UUID.fromString(api.get("/auth/me").body().path("user").path("id").asText());
        backend.db().inTransactionRun(tx -> {
            tx.update("UPDATE organisations SET time_zone = 'Asia/Kolkata' WHERE id = ?", org);
            Conversation first = conversation(tx, org, "919800000101", at("2026-11-10T04:00:00Z"));
            inbound(tx, first, "2026-11-10T04:00:00Z");
            outbound(tx, first, "bot", "2026-11-10T04:00:10Z");
            inbound(tx, first, "2026-11-10T05:00:00Z");
            inbound(tx, first, "2026-11-10T05:00:05Z");
            outbound(tx, first, "bot", "2026-11-10T05:00:30Z");
            conversations.applyTurn(tx, first.id(), "pricing", "high", "curious", null, null,
                    at("2026-11-10T05:00:30Z"));
            event(tx, first, "pipeline_step", null, 100, 20, new BigDecimal("0.001"), "2026-11-10T04:00:05Z");
            event(tx, first, "handoff", "The bot could not answer (timeout): please reply yourself", null, null, null,
                    "2026-11-11T08:00:00Z");

            Conversation second = conversation(tx, org, "919800000102", at("2026-11-10T19:00:00Z"));
            inbound(tx, second, "2026-11-10T19:00:00Z");
            outbound(tx, second, "bot", "2026-11-10T19:00:20Z");
            event(tx, second, "pipeline_step", null, 200, 50, null, "2026-11-10T19:00:10Z");
            event(tx, second, "handoff", "The bot handed this conversation to a person: wants a discount", null, null,
                    null, "2026-11-10T19:01:00Z");
            new AuditLog().record(tx, org, user, "conversation.takeover", "conversation", second.id(),
                    at("2026-11-10T19:02:00Z"));
            outbound(tx, second, "human", "2026-11-10T19:03:00Z");

            leads.create(tx, org, "919800000103", null, null, null, at("2026-11-09T10:00:00Z"));
            leads.create(tx, org, "919800000104", null, null, null, at("2026-11-11T06:00:00Z"));
        });
        return api;
    }

    private Conversation conversation(Tx tx, UUID org, String phone, Instant at) {
        UUID lead = leads.create(tx, org, phone, null, null, null, at).orElseThrow();
        return conversations.getOrCreate(tx, org, lead, at);
    }

    private void inbound(Tx tx, Conversation c, String at) {
        String key = UUID.randomUUID().toString();
        messages.storeInbound(tx, c, new MessageRepository.Inbound("wamid." + key, key, "text", "question", "{}", null,
                at(at), null, null), at(at));
    }

    private void outbound(Tx tx, Conversation c, String from, String at) {
        messages.recordOutbound(tx, c, from, "answer", null, UUID.randomUUID().toString(), null, at(at));
    }

    private static void event(Tx tx, Conversation c, String type, String detail, Integer input, Integer output,
                              BigDecimal cost, String at) {
        tx.update("""
                INSERT INTO conversation_events (id, organisation_id, conversation_id, event_type, output_summary,
                    input_tokens, output_tokens, cost_usd, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                UUID.randomUUID(), c.organisationId(), c.id(), type, detail, input, output, cost, at(at));
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

    private static List<Map.Entry<String, Integer>> counts(JsonNode rows, String key) {
        return rows.valueStream().map(r -> Map.entry(r.path(key).asText(), r.path("leads").asInt())).toList();
    }

    private static ApiClient newOrganisation(boolean withModel) {
        return withModel ? organisations.create(organisations.llm()) : organisations.create();
    }

    private static void leadWrites(ApiClient api, String phone, String text) {
        assertThat(organisations.leadWrites(api, phone, text, Webhooks.aMinuteAgo())).isEqualTo(200);
    }
}
