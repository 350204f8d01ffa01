package dev.funnel.backend.followups;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.funnel.backend.RunningBackend;
import dev.funnel.backend.db.Tx;
import dev.funnel.backend.pipeline.PipelineStep;
import dev.funnel.backend.testing.ApiClient;
import dev.funnel.backend.testing.LlmScripts;
import dev.funnel.backend.testing.RecordingGraphServer;
import dev.funnel.backend.testing.ScriptedLlmServer;
import dev.funnel.backend.testing.SoloServers;
import dev.funnel.backend.testing.TemplateFixtures;
import dev.funnel.backend.testing.Waits;
import dev.funnel.backend.testing.Webhooks;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Follow-ups through the real backend: a real lead writes through the signed webhook, the scripted
 * model answers over HTTP, and Meta is a recording Graph server. A follow-up is made due by moving
 * its time into the past in the database; the scheduler polls every few milliseconds.
 */
class FollowupsTest {

    private static final String APP_SECRET = "followups-secret";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String REPLY = "Our plans start at 999 rupees a month.";
    private static final String NUDGE = "Just checking in: shall I share the plan details?";
    private static final AtomicInteger LEADS = new AtomicInteger();

    private static SoloServers servers;
    private static ScriptedLlmServer llm;
    private static RecordingGraphServer graph;
    private static RunningBackend backend;

    @BeforeAll
    static void start(@TempDir Path dataDir) throws Exception {
        servers = SoloServers.start(dataDir, APP_SECRET, Map.of(
                "FUNNEL_DEBOUNCE_MS", "0",
                "FUNNEL_FOLLOWUP_POLL_MS", "20"));
        llm = servers.llm();
        graph = servers.graph();
        backend = servers.backend();
    }

    @BeforeEach
    void scriptTheModel() {
        LlmScripts.sendNow(llm, REPLY);
        llm.script(PipelineStep.FOLLOWUP, """
                {"message_text":"%s","message_language":"en","cta_type":null,
                 "reasoning":"The lead went quiet after the price","self_check":{"guardrails_pass":true,"violations":[]}}"""
                .formatted(NUDGE));
    }

    @AfterAll
    static void stop() {
        servers.close();
    }

    /** A lead of a new organisation, with the conversation the bot answered. */
    private record Lead(ApiClient api, String phoneNumberId, String phone, String conversationId) {
    }

    @Test
    void theBotsReplyStartsTheSilenceCadenceTenMinutesAfterTheLeadWrote() {
        Lead lead = answeredLead();

        JsonNode pending = onlyPending(lead);

        assertThat(pending.path("type").asText()).isEqualTo("followup");
        assertThat(pending.path("reason").asText()).isEqualTo("nudge 1 of 3 after the lead went quiet");
        assertThat(Instant.parse(pending.path("scheduled_at").asText()))
                .isEqualTo(lastUserMessageAt(lead).plus(Duration.ofMinutes(10)));
        assertThat(conversationTime(lead, "scheduled_followup_at"))
                .isEqualTo(Instant.parse(pending.path("scheduled_at").asText()));
    }

    @Test
    void waitScheduleSchedulesTheFollowupAtTheDecidedTime() {
        LlmScripts.waitSchedule(llm);
        Lead lead = leadWrites(newOrganisation(), "I need to think about it");

        Waits.until("the follow-up to be scheduled", WAIT, () -> !followups(lead).isEmpty());
        JsonNode pending = onlyPending(lead);
        Instant createdAt = backend.db().inTransaction(tx -> tx.queryOne(
                "SELECT created_at FROM scheduled_actions WHERE id = ?", rs -> Tx.instant(rs, "created_at"),
                UUID.fromString(pending.path("id").asText()))).orElseThrow();

        assertThat(Instant.parse(pending.path("scheduled_at").asText())).isEqualTo(createdAt.plus(Duration.ofMinutes(180)));
        assertThat(pending.path("reason").asText()).startsWith("the bot chose to wait 180 min");
        assertThat(sendsTo(lead)).isEmpty();
    }

    @Test
    void aDueFollowupIsWrittenSentAndTheNextNudgeScheduled() {
        Lead lead = answeredLead();
        String first = onlyPending(lead).path("id").asText();

        timePasses(lead, first, Duration.ofMinutes(11));

        Waits.until("the nudge to be sent", WAIT, () -> sendsTo(lead).size() == 2);
        assertThat(sendsTo(lead).getLast().body().path("text").path("body").asText()).isEqualTo(NUDGE);
        Waits.until("the next nudge", WAIT, () -> followups(lead).size() == 2);
        JsonNode next = followups(lead).get(0);
        assertThat(next.path("status").asText()).isEqualTo("pending");
        assertThat(next.path("reason").asText()).isEqualTo("nudge 2 of 3 after the lead went quiet");
        assertThat(Instant.parse(next.path("scheduled_at").asText()))
                .isEqualTo(lastUserMessageAt(lead).plus(Duration.ofMinutes(180)));
        assertThat(followups(lead).get(1).path("status").asText()).isEqualTo("executed");
        assertThat(followups(lead).get(1).path("executed_at").isTextual()).isTrue();
        assertThat(conversationNumber(lead, "total_nudges")).isEqualTo(1);
        assertThat(conversationNumber(lead, "followup_count_24h")).isEqualTo(1);
        String recorded = backend.db().inTransaction(tx -> tx.queryOne(
                "SELECT content FROM messages WHERE idempotency_key = ?", rs -> rs.getString(1), "followup:" + first))
                .orElseThrow();
        assertThat(recorded).isEqualTo(NUDGE);
    }

    @Test
    void aLeadMessageCancelsThePendingFollowup() {
        Lead lead = answeredLead();
        String first = onlyPending(lead).path("id").asText();

        leadWrites(lead, "Actually, one more question");

        Waits.until("the new reply", WAIT, () -> sendsTo(lead).size() == 2);
        Waits.until("the new nudge", WAIT, () -> followups(lead).size() == 2);
        JsonNode cancelled = find(lead, first);
        assertThat(cancelled.path("status").asText()).isEqualTo("cancelled");
        assertThat(cancelled.path("reason").asText()).isEqualTo("the lead wrote");
        assertThat(followups(lead).get(0).path("status").asText()).isEqualTo("pending");
    }

    @Test
    void onceTheCapIsReachedNoFurtherFollowupIsScheduled() {
        ApiClient api = newOrganisation();
        setOrganisation(api, "max_followups_total", 1);
        Lead lead = answered(leadWrites(api, "How much is it?"));
        makeDue(onlyPending(lead).path("id").asText());

        Waits.until("the nudge to be sent", WAIT, () -> sendsTo(lead).size() == 2);
        Waits.until("the cap to be recorded", WAIT, () -> outcomes(lead).contains("followup_not_scheduled"));

        assertThat(followups(lead)).singleElement()
                .satisfies(f -> assertThat(f.path("status").asText()).isEqualTo("executed"));
        assertThat(outcomeDetails(lead, "followup_not_scheduled"))
                .anySatisfy(d -> assertThat(d).contains("all 1 follow-ups allowed in total were sent"));
    }

    @Test
    void aFollowupDueInQuietHoursWaitsUntilTheyEnd() {
        ApiClient api = newOrganisation();
        Instant now = Instant.now();
        LocalTime start = LocalTime.ofInstant(now.minus(Duration.ofHours(1)), ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES);
        Instant end = now.plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MINUTES);
        setOrganisation(api, "quiet_hours_start", start);
        setOrganisation(api, "quiet_hours_end", LocalTime.ofInstant(end, ZoneOffset.UTC));
        Lead lead = answered(leadWrites(api, "How much is it?"));
        String id = onlyPending(lead).path("id").asText();

        makeDue(id);

        Waits.until("the follow-up to be postponed", WAIT, () -> find(lead, id).path("reason").asText().contains("quiet hours"));
        JsonNode postponed = find(lead, id);
        assertThat(postponed.path("status").asText()).isEqualTo("pending");
        assertThat(Instant.parse(postponed.path("scheduled_at").asText())).isEqualTo(end);
        assertThat(sendsTo(lead)).hasSize(1);
    }

    @Test
    void outsideThe24HourWindowTheFollowupTemplateIsSentWithoutAskingTheModel() {
        ApiClient api = newOrganisation();
        withFollowupTemplate(api);
        Lead lead = answered(leadWrites(api, "How much is it?"));
        nameTheLead(lead, "Priya Sharma");
        String id = onlyPending(lead).path("id").asText();
        int followupPrompts = followupPrompts();

        timePasses(lead, id, Duration.ofHours(25));

        Waits.until("the template to be sent", WAIT, () -> sendsTo(lead).size() == 2);
        JsonNode sent = sendsTo(lead).getLast().body();
        assertThat(sent.path("type").asText()).isEqualTo("template");
        assertThat(sent.path("template").path("name").asText()).isEqualTo("checking_in");
        assertThat(sent.path("template").path("language").path("code").asText()).isEqualTo("en");
        JsonNode body = sent.path("template").path("components").get(0);
        assertThat(body.path("type").asText()).isEqualTo("body");
        assertThat(body.path("parameters").valueStream().map(p -> p.path("text").asText()))
                .containsExactly("Priya", orgName(api), "Shall I send you the plan details?");
        Waits.until("the follow-up to be executed", WAIT, () -> find(lead, id).path("status").asText().equals("executed"));
        assertThat(backend.db().inTransaction(tx -> tx.queryOne(
                "SELECT message_type, content FROM messages WHERE idempotency_key = ?",
                rs -> rs.getString(1) + "|" + rs.getString(2), "followup:" + id)).orElseThrow())
                .isEqualTo("template|Hi Priya, this is " + orgName(api) + ". Shall I send you the plan details?"
                        + "\nReply STOP to opt out");
        assertThat(outcomeDetails(lead, "followup_sent"))
                .containsExactly("Follow-up " + id + " sent as the template checking_in: the lead's 24-hour window "
                        + "is closed");
        assertThat(followupPrompts()).isEqualTo(followupPrompts);
        Waits.until("the next nudge", WAIT, () -> followups(lead).size() == 2);
        assertThat(followups(lead).get(0).path("status").asText()).isEqualTo("pending");
        assertThat(conversationNumber(lead, "total_nudges")).isEqualTo(1);
    }

    @Test
    void aLeadWithoutANameIsGreetedWithTheFallbackWord() {
        ApiClient api = newOrganisation();
        withFollowupTemplate(api);
        Lead lead = answered(leadWrites(api, "How much is it?"));
        nameTheLead(lead, null);

        timePasses(lead, onlyPending(lead).path("id").asText(), Duration.ofHours(25));

        Waits.until("the template to be sent", WAIT, () -> sendsTo(lead).size() == 2);
        assertThat(sendsTo(lead).getLast().body().path("template").path("components").get(0).path("parameters")
                .get(0).path("text").asText()).isEqualTo("friend");
    }

    @Test
    void outsideThe24HourWindowWithoutAFollowupTemplateAPersonIsAsked() {
        Lead lead = answeredLead();
        String id = onlyPending(lead).path("id").asText();
        int followupPrompts = followupPrompts();

        timePasses(lead, id, Duration.ofHours(25));

        Waits.until("the follow-up to be cancelled", WAIT, () -> find(lead, id).path("status").asText().equals("cancelled"));
        assertThat(find(lead, id).path("reason").asText()).isEqualTo(FollowupRunner.NO_TEMPLATE)
                .contains("choose an approved follow-up template in Settings");
        assertThat(outcomes(lead)).contains("followup_cancelled");
        assertThat(conversation(lead).path("needs_attention").asBoolean()).isTrue();
        assertThat(conversation(lead).path("attention_reason").asText()).isEqualTo(FollowupRunner.NO_TEMPLATE);
        assertThat(sendsTo(lead)).hasSize(1);
        assertThat(followupPrompts()).isEqualTo(followupPrompts);
    }

    @Test
    void aFollowupTemplateMetaNoLongerApprovesIsNotSentAndAPersonIsAsked() {
        ApiClient api = newOrganisation();
        String template = withFollowupTemplate(api);
        Lead lead = answered(leadWrites(api, "How much is it?"));
        String id = onlyPending(lead).path("id").asText();
        backend.db().inTransactionRun(tx -> tx.update("UPDATE templates SET status = 'PAUSED' WHERE id = ?",
                UUID.fromString(template)));

        timePasses(lead, id, Duration.ofHours(25));

        Waits.until("the follow-up to be cancelled", WAIT, () -> find(lead, id).path("status").asText().equals("cancelled"));
        String reason = find(lead, id).path("reason").asText();
        assertThat(reason).startsWith(FollowupRunner.WINDOW_CLOSED)
                .contains("Only an APPROVED template can be sent; checking_in is PAUSED")
                .endsWith(FollowupRunner.CHOOSE_A_TEMPLATE);
        assertThat(conversation(lead).path("needs_attention").asBoolean()).isTrue();
        assertThat(conversation(lead).path("attention_reason").asText()).isEqualTo(reason);
        assertThat(sendsTo(lead)).hasSize(1);
    }

    @Test
    void outsideThe24HourWindowTheCapsStillApply() {
        ApiClient api = newOrganisation();
        withFollowupTemplate(api);
        Lead lead = answered(leadWrites(api, "How much is it?"));
        String id = onlyPending(lead).path("id").asText();
        setOrganisation(api, "max_followups_total", 0);

        timePasses(lead, id, Duration.ofHours(25));

        Waits.until("the follow-up to be cancelled", WAIT, () -> find(lead, id).path("status").asText().equals("cancelled"));
        assertThat(find(lead, id).path("reason").asText()).contains("all 0 follow-ups allowed in total were sent");
        assertThat(conversation(lead).path("needs_attention").asBoolean()).isFalse();
        assertThat(sendsTo(lead)).hasSize(1);
    }

    @Test
    void takingTheConversationOverCancelsItsFollowup() {
        Lead lead = answeredLead();
        String id = onlyPending(lead).path("id").asText();

        lead.api().post("/conversations/" + lead.conversationId() + "/takeover", "{}");

        assertThat(find(lead, id).path("status").asText()).isEqualTo("cancelled");
        assertThat(find(lead, id).path("reason").asText()).isEqualTo("a person took over the conversation");
        assertThat(conversationTime(lead, "scheduled_followup_at")).isNull();
    }

    @Test
    void aDueFollowupIsSkippedWhileAPersonIsInCharge() {
        Lead lead = answeredLead();
        String id = onlyPending(lead).path("id").asText();
        backend.db().inTransactionRun(tx -> tx.update("UPDATE conversations SET mode = 'human' WHERE id = ?",
                UUID.fromString(lead.conversationId())));

        makeDue(id);

        Waits.until("the follow-up to be skipped", WAIT, () -> find(lead, id).path("status").asText().equals("cancelled"));
        assertThat(find(lead, id).path("reason").asText()).isEqualTo("a person has taken over the conversation");
        assertThat(sendsTo(lead)).hasSize(1);
    }

    @Test
    void afterTheLastNudgeTheGhostCheckMarksTheConversationGhosted() {
        ApiClient api = newOrganisation();
        setOrganisation(api, "followup_cadence_minutes", "10");
        Lead lead = answered(leadWrites(api, "How much is it?"));
        timePasses(lead, onlyPending(lead).path("id").asText(), Duration.ofMinutes(11));
        Waits.until("the ghost check", WAIT, () -> followups(lead).size() == 2);
        JsonNode ghostCheck = followups(lead).get(0);
        assertThat(ghostCheck.path("type").asText()).isEqualTo("ghost_check");
        assertThat(Instant.parse(ghostCheck.path("scheduled_at").asText()))
                .isEqualTo(lastUserMessageAt(lead).plus(Duration.ofHours(24)));

        makeDue(ghostCheck.path("id").asText());

        Waits.until("the lead to count as ghosted", WAIT, () -> conversation(lead).path("stage").asText().equals("ghosted"));
        assertThat(find(lead, ghostCheck.path("id").asText()).path("status").asText()).isEqualTo("executed");
        assertThat(sendsTo(lead)).hasSize(2);
    }

    @Test
    void aModelThatRefusesTheFollowupFailsItAndAsksAPerson() {
        Lead lead = answeredLead();
        String id = onlyPending(lead).path("id").asText();
        llm.failNext(PipelineStep.FOLLOWUP, 400, "{\"error\":{\"message\":\"model not allowed\"}}");

        makeDue(id);

        Waits.until("the follow-up to fail", WAIT, () -> find(lead, id).path("status").asText().equals("failed"));
        assertThat(find(lead, id).path("reason").asText()).contains("followup step failed");
        assertThat(conversation(lead).path("needs_attention").asBoolean()).isTrue();
        assertThat(conversation(lead).path("attention_reason").asText()).contains("could not write a follow-up");
    }

    @Test
    void theApiListsAndCancelsOnlyTheCallersFollowups() {
        Lead lead = answeredLead();
        String id = onlyPending(lead).path("id").asText();
        ApiClient stranger = newOrganisation();

        assertThat(stranger.get("/conversations/" + lead.conversationId() + "/followups").status()).isEqualTo(404);
        assertThat(stranger.post("/followups/" + id + "/cancel", "{}").status()).isEqualTo(404);
        ApiClient.Response cancelled = lead.api().post("/followups/" + id + "/cancel", "{}");
        ApiClient.Response again = lead.api().post("/followups/" + id + "/cancel", "{}");

        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.body().path("status").asText()).isEqualTo("cancelled");
        assertThat(cancelled.body().path("reason").asText()).isEqualTo("cancelled by a person");
        assertThat(again.status()).isEqualTo(409);
        assertThat(followups(lead)).singleElement()
                .satisfies(f -> assertThat(f.path("status").asText()).isEqualTo("cancelled"));
        assertThat(new ApiClient(backend.baseUri()).get("/conversations/" + lead.conversationId() + "/followups")
                .status()).isEqualTo(401);
    }

    // --- helpers

    /** A lead of a new organisation wrote and the bot's reply went out. */
    private static Lead answeredLead() {
        return answered(leadWrites(newOrganisation(), "How much is it?"));
    }

    private static Lead answered(Lead lead) {
        Waits.until("the bot's reply and its first nudge", WAIT,
                () -> sendsTo(lead).size() == 1 && !followups(lead).isEmpty());
        return lead;
    }

    /** A new organisation with its number and business account connected and a model set. */
    private static ApiClient newOrganisation() {
        String phoneNumberId = "55503" + String.format("%08d", LEADS.incrementAndGet());
        ApiClient api = new ApiClient(backend.baseUri());
        api.signUp("Org " + phoneNumberId, "owner@" + phoneNumberId + ".test");
        api.put("/settings/whatsapp", """
                {"phone_number_id":"%s","access_token":"EAAG-%s","business_account_id":"10%s"}"""
                .formatted(phoneNumberId, phoneNumberId, phoneNumberId));
        api.put("/settings/llm", "{\"base_url\":\"%s\",\"model\":\"m\",\"api_key\":\"k\"}".formatted(llm.baseUrl()));
        return api;
    }

    private static Lead leadWrites(ApiClient api, String text) {
        String phoneNumberId = api.get("/settings/whatsapp").body().path("phone_number_id").asText();
        return leadWrites(new Lead(api, phoneNumberId, "49" + phoneNumberId, null), text);
    }

    private static Lead leadWrites(Lead lead, String text) {
        assertThat(Webhooks.postSigned(backend.baseUri().resolve("/webhook"), APP_SECRET, Webhooks.text(
                lead.phoneNumberId(), lead.phone(), "wamid." + UUID.randomUUID(), Webhooks.aMinuteAgo(), text)))
                .isEqualTo(200);
        Waits.until("the conversation", WAIT, () -> lead.api().get("/conversations").body().size() == 1);
        return new Lead(lead.api(), lead.phoneNumberId(), lead.phone(),
                lead.api().get("/conversations").body().get(0).path("id").asText());
    }

    /**
     * Has the organisation follow up outside the window with an approved template saying hello with the lead's
     * name, the business's name and a fixed question; returns the template's id.
     */
    private static String withFollowupTemplate(ApiClient api) {
        String id = TemplateFixtures.approvedOf(api, graph, """
                {"name":"checking_in","language":"en","category":"MARKETING","components":[
                 {"type":"BODY","text":"Hi {{1}}, this is {{2}}. {{3}}",
                  "example":{"body_text":[["Priya","Sunrise Solar","Shall I send you the plan details?"]]}},
                 {"type":"FOOTER","text":"Reply STOP to opt out"}]}""").path("id").asText();
        ApiClient.Response r = api.patch("/organisation", """
                {"followup_template":{"template_id":"%s","header":[],"buttons":[],"name_fallback":"friend",
                 "body":["lead_name","business_name","custom:Shall I send you the plan details?"]}}""".formatted(id));
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        return id;
    }

    private static void nameTheLead(Lead lead, String name) {
        backend.db().inTransactionRun(tx -> tx.update(
                "UPDATE leads SET name = ? WHERE id = (SELECT lead_id FROM conversations WHERE id = ?)", name,
                UUID.fromString(lead.conversationId())));
    }

    private static String orgName(ApiClient api) {
        return api.get("/organisation").body().path("name").asText();
    }

    /** How often the model was asked to write a follow-up, for every organisation. */
    private static int followupPrompts() {
        return (int) llm.requests().stream().filter(r -> r.step() == PipelineStep.FOLLOWUP).count();
    }

    private static void setOrganisation(ApiClient api, String column, Object value) {
        UUID org = UUID.fromString(api.get("/auth/me").body().path("organisation").path("id").asText());
        backend.db().inTransactionRun(tx -> tx.update("UPDATE organisations SET " + column + " = ? WHERE id = ?",
                value, org));
    }

    /** As if the lead wrote {@code sinceLeadWrote} ago and the follow-up is due now. */
    private static void timePasses(Lead lead, String actionId, Duration sinceLeadWrote) {
        backend.db().inTransactionRun(tx -> tx.update("UPDATE conversations SET last_user_message_at = ? WHERE id = ?",
                Instant.now().minus(sinceLeadWrote), UUID.fromString(lead.conversationId())));
        makeDue(actionId);
    }

    private static void makeDue(String actionId) {
        backend.db().inTransactionRun(tx -> tx.update("UPDATE scheduled_actions SET scheduled_at = ? WHERE id = ?",
                Instant.now().minusSeconds(1), UUID.fromString(actionId)));
    }

    private static JsonNode followups(Lead lead) {
        return lead.api().get("/conversations/" + lead.conversationId() + "/followups").body();
    }

    private static JsonNode onlyPending(Lead lead) {
        JsonNode all = followups(lead);
        assertThat(all).hasSize(1);
        assertThat(all.get(0).path("status").asText()).isEqualTo("pending");
        return all.get(0);
    }

    private static JsonNode find(Lead lead, String id) {
        for (JsonNode f : followups(lead)) {
            if (f.path("id").asText().equals(id)) {
                return f;
            }
        }
        throw new AssertionError("no follow-up " + id);
    }

    private static JsonNode conversation(Lead lead) {
        for (JsonNode c : lead.api().get("/conversations").body()) {
            if (c.path("id").asText().equals(lead.conversationId())) {
                return c;
            }
        }
        throw new AssertionError("no conversation " + lead.conversationId());
    }

    private static Instant lastUserMessageAt(Lead lead) {
        return conversationTime(lead, "last_user_message_at");
    }

    private static Instant conversationTime(Lead lead, String column) {
        return backend.db().inTransaction(tx -> tx.query("SELECT " + column + " FROM conversations WHERE id = ?",
                rs -> Tx.instant(rs, column), UUID.fromString(lead.conversationId()))).getFirst();
    }

    private static int conversationNumber(Lead lead, String column) {
        return backend.db().inTransaction(tx -> tx.queryOne("SELECT " + column + " FROM conversations WHERE id = ?",
                rs -> rs.getInt(1), UUID.fromString(lead.conversationId()))).orElseThrow();
    }

    private static List<String> outcomes(Lead lead) {
        return backend.db().inTransaction(tx -> tx.query(
                "SELECT event_type FROM conversation_events WHERE conversation_id = ? ORDER BY created_at",
                rs -> rs.getString(1), UUID.fromString(lead.conversationId())));
    }

    private static List<String> outcomeDetails(Lead lead, String eventType) {
        return backend.db().inTransaction(tx -> tx.query(
                "SELECT output_summary FROM conversation_events WHERE conversation_id = ? AND event_type = ?",
                rs -> rs.getString(1), UUID.fromString(lead.conversationId()), eventType));
    }

    private static List<RecordingGraphServer.Call> sendsTo(Lead lead) {
        return graph.sends().stream().filter(c -> lead.phone().equals(c.body().path("to").asText())).toList();
    }
}
