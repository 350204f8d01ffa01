package dev.funnel.console.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpBackendClientTest {

    /** A signed-in answer, also for the other client tests of this package. */
    static final String AUTH_RESPONSE = """
            {"access_token":"tok-1","token_type":"bearer",
             "user":{"id":"u1","name":"Sam","email":"sam@acme.example","role":"admin","organisation_id":"o1"},
             "organisation":{"id":"o1","name":"Acme"},"unexpected_field":42}""";

    /** A client on {@code server}, signed in as an admin (the login answered by the server). */
    static HttpBackendClient signedIn(ScriptedHttpServer server) {
        HttpBackendClient client = HttpBackendClient.create(server.baseUri());
        server.answer("POST /auth/login", 200, AUTH_RESPONSE);
        client.login(new Credentials("sam@acme.example", "pw"));
        return client;
    }

    private ScriptedHttpServer server;
    private HttpBackendClient client;

    @BeforeEach
    void start() throws IOException {
        server = new ScriptedHttpServer();
        client = HttpBackendClient.create(server.baseUri());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void loginSendsSnakeCaseAndLaterCallsCarryTheToken() {
        server.answer("POST /auth/login", 200, AUTH_RESPONSE);
        server.answer("GET /auth/me", 200, """
                {"user":{"id":"u1","name":"Sam","email":"sam@acme.example","role":"admin","organisation_id":"o1"},
                 "organisation":{"id":"o1","name":"Acme"}}""");

        AuthResult session = client.login(new Credentials("sam@acme.example", "pw"));
        Me me = client.me();

        assertThat(session.user().organisationId()).isEqualTo("o1");
        assertThat(me.organisation().name()).isEqualTo("Acme");
        assertThat(server.requests.getFirst().body()).isEqualTo("{\"email\":\"sam@acme.example\",\"password\":\"pw\"}");
        assertThat(server.requests.getFirst().authorization()).isNull();
        assertThat(server.last().authorization()).isEqualTo("Bearer tok-1");
    }

    // --- dashboard and prompts ---

    @Test
    void dashboardStatsAreReadWithTheOrganisationsDay() {
        server.answer("POST /auth/login", 200, AUTH_RESPONSE);
        server.answer("GET /dashboard/stats", 200, """
                {"today":"2026-11-03","time_zone":"Europe/Paris","leads_total":120,"leads_new_today":7,
                 "conversations_total":95,"conversations_bot":80,"conversations_human":15,"needs_attention":4,
                 "messages_in_today":63,"messages_out_today":58,"bot_replies_today":41,"handoffs_today":3,
                 "followups_pending":12}""");
        client.login(new Credentials("sam@acme.example", "pw"));

        DashboardStats stats = client.dashboardStats();

        assertThat(stats).isEqualTo(new DashboardStats(LocalDate.parse("2026-11-03"), "Europe/Paris", 120, 7, 95, 80,
                15, 4, 63, 58, 41, 3, 12));
    }

    @Test
    void analyticsAsksForTheRangeAndReadsEveryPart() {
        server.answer("POST /auth/login", 200, AUTH_RESPONSE);
        server.answer("GET /analytics?from=2026-11-02&to=2026-11-03", 200, """
                {"from":"2026-11-02","to":"2026-11-03","time_zone":"Europe/Paris",
                 "funnel":[{"stage":"greeting","leads":3},{"stage":"pricing","leads":1}],
                 "intent":[{"intent_level":"very_high","leads":1}],
                 "sentiment":[{"sentiment":"curious","leads":2}],
                 "handoffs":{"total":2,"by_reason":[{"reason":"Asked for a person","count":2}],"takeovers":1},
                 "response_times":{"bot_reply":{"count":4,"p50_ms":3200,"p90_ms":8900},
                                   "human_first_response":{"count":0,"p50_ms":null,"p90_ms":null}},
                 "messages_per_day":[{"date":"2026-11-02","inbound":5,"outbound":4},
                                     {"date":"2026-11-03","inbound":2,"outbound":2}],
                 "usage_per_day":[{"date":"2026-11-02","calls":8,"input_tokens":12000,"output_tokens":900,"cost_usd":0.0042},
                                  {"date":"2026-11-03","calls":0,"input_tokens":0,"output_tokens":0,"cost_usd":0}]}""");
        client.login(new Credentials("sam@acme.example", "pw"));

        AnalyticsReport report = client.analytics(LocalDate.parse("2026-11-02"), LocalDate.parse("2026-11-03"));

        assertThat(report.funnel()).extracting(AnalyticsReport.StageCount::leads).containsExactly(3, 1);
        assertThat(report.intent().getFirst().intentLevel()).isEqualTo("very_high");
        assertThat(report.handoffs().byReason().getFirst().reason()).isEqualTo("Asked for a person");
        assertThat(report.responseTimes().botReply().p90Ms()).isEqualTo(8_900L);
        assertThat(report.responseTimes().humanFirstResponse().p50Ms()).isNull();
        assertThat(report.messagesPerDay().get(1).date()).isEqualTo(LocalDate.parse("2026-11-03"));
        assertThat(report.usagePerDay().getFirst().costUsd()).isEqualByComparingTo("0.0042");
    }

    @Test
    void analyticsWithoutARangeLeavesTheDefaultToTheBackend() {
        server.answer("POST /auth/login", 200, AUTH_RESPONSE);
        server.answer("GET /analytics", 200, """
                {"from":"2026-10-05","to":"2026-11-03","time_zone":"UTC","funnel":[],"intent":[],"sentiment":[],
                 "handoffs":{"total":0,"by_reason":[],"takeovers":0},
                 "response_times":{"bot_reply":{"count":0},"human_first_response":{"count":0}},
                 "messages_per_day":[],"usage_per_day":[]}""");
        client.login(new Credentials("sam@acme.example", "pw"));

        AnalyticsReport report = client.analytics(null, null);

        assertThat(server.last().pathAndQuery()).isEqualTo("/analytics");
        assertThat(report.from()).isEqualTo(LocalDate.parse("2026-10-05"));
    }

    @Test
    void aPromptIsReadWithItsVariablesAndResetWithDelete() {
        server.answer("POST /auth/login", 200, AUTH_RESPONSE);
        server.answer("GET /prompts/followup", 200, """
                {"step":"followup","text":"## system\\nHi {{business_name}}","overridden":true,"version":"org-2",
                 "saved_at":"2026-11-03T10:15:30Z","variables":[{"name":"business_name","description":"The name."}]}""");
        server.answer("DELETE /prompts/followup", 200, """
                {"step":"followup","text":"default","overridden":false,"version":"default-0a1b","saved_at":null,
                 "variables":[]}""");
        client.login(new Credentials("sam@acme.example", "pw"));

        Prompt prompt = client.prompt(PromptStep.FOLLOWUP);
        Prompt reset = client.resetPrompt(PromptStep.FOLLOWUP);

        assertThat(prompt.text()).isEqualTo("## system\nHi {{business_name}}");
        assertThat(prompt.overridden()).isTrue();
        assertThat(prompt.savedAt()).isEqualTo(Instant.parse("2026-11-03T10:15:30Z"));
        assertThat(prompt.variables()).containsExactly(new Prompt.Variable("business_name", "The name."));
        assertThat(server.last().method()).isEqualTo("DELETE");
        assertThat(reset.version()).isEqualTo("default-0a1b");
    }

    @Test
    void savingAPromptSendsItsTextAndARefusalCarriesTheServersSentence() {
        server.answer("POST /auth/login", 200, AUTH_RESPONSE);
        server.answer("PUT /prompts/generate", 400, """
                {"error":"The generate prompt has unknown variable(s) {{budget}}. Allowed variables: {{tone}}","fields":[]}""");
        client.login(new Credentials("sam@acme.example", "pw"));

        assertThatThrownBy(() -> client.savePrompt(PromptStep.GENERATE, "Hi {{budget}}"))
                .isInstanceOf(BackendException.class)
                .hasMessage("The generate prompt has unknown variable(s) {{budget}}. Allowed variables: {{tone}}")
                .extracting(e -> ((BackendException) e).status()).isEqualTo(400);
        assertThat(server.last().body()).isEqualTo("{\"text\":\"Hi {{budget}}\"}");
    }

    @Test
    void conversationsAreReadWithEnumsTimesAndFilter() {
        server.answer("POST /auth/login", 200, AUTH_RESPONSE);
        server.answer("GET /conversations?mode=human&needs_attention=true", 200, """
                [{"id":"c1","lead_id":"l1","lead_name":"Ana","lead_phone":"15550001111","stage":"new",
                  "intent_level":"low","user_sentiment":"neutral","mode":"human","needs_attention":true,
                  "attention_reason":"asked for a person","simulated":true,"rolling_summary":null,
                  "last_message":"Hi","last_message_at":"2026-11-03T10:15:30Z","updated_at":"2026-11-03T10:15:31+01:00"}]""");
        client.login(new Credentials("sam@acme.example", "pw"));

        List<Conversation> conversations = client.conversations(new ConversationFilter(ConversationMode.HUMAN, true));

        Conversation ana = conversations.getFirst();
        assertThat(ana.mode()).isEqualTo(ConversationMode.HUMAN);
        assertThat(ana.needsAttention()).isTrue();
        assertThat(ana.lastMessageAt()).isEqualTo(Instant.parse("2026-11-03T10:15:30Z"));
        assertThat(ana.updatedAt()).isEqualTo(Instant.parse("2026-11-03T09:15:31Z"));
    }

    @Test
    void aTurnsTraceIsReadWithItsStepsOutcomesAndTotals() {
        server.answer("POST /auth/login", 200, AUTH_RESPONSE);
        server.answer("GET /conversations/c1/turns/t1", 200, """
                {"turn_id":"t1","lead_message":"Hi","recorded_at":"2026-11-03T10:15:30Z",
                 "steps":[{"id":"e1","event_type":"pipeline_step","step":"analyze","prompt_version":"default-1",
                   "input_summary":"stage=greeting","output_summary":"{}","latency_ms":640,"prompt_tokens":1200,
                   "completion_tokens":90,"model":"m","cost_usd":0.000234,"cost_note":null,
                   "created_at":"2026-11-03T10:15:30Z"}],
                 "outcomes":[{"id":"e2","event_type":"handoff","step":null,"output_summary":"asked for a person",
                   "created_at":"2026-11-03T10:15:30Z"}],
                 "totals":{"prompt_tokens":1200,"completion_tokens":90,"latency_ms":640,"cost_usd":0.000234,
                   "cost_note":null}}""");
        client.login(new Credentials("sam@acme.example", "pw"));

        Turn turn = client.turn("c1", "t1");

        assertThat(turn.steps().getFirst().promptTokens()).isEqualTo(1200);
        assertThat(turn.steps().getFirst().costUsd()).isEqualByComparingTo("0.000234");
        assertThat(turn.outcomes().getFirst().eventType()).isEqualTo("handoff");
        assertThat(turn.totals().latencyMs()).isEqualTo(640);
    }

    @Test
    void replayAndSuggestReplyArePostsThatReadTheDryRun() {
        server.answer("POST /auth/login", 200, AUTH_RESPONSE);
        String dryRun = """
                {"action":"SEND_NOW","why":"asked","reply":"Yes!","steps":[],
                 "interventions":[{"rule":"message_rewritten","detail":"too long"}],
                 "totals":{"prompt_tokens":0,"completion_tokens":0,"latency_ms":0,"cost_usd":null,"cost_note":"x"}}""";
        server.answer("POST /conversations/c1/turns/t1/replay", 200, """
                {"turn_id":"t1","lead_message":"Hi","reply_then":"Hello","then":{"turn_id":"t1","steps":[],
                 "outcomes":[],"recorded_at":"2026-11-03T10:15:30Z","totals":{"prompt_tokens":0,
                 "completion_tokens":0,"latency_ms":0}},"now":%s,"reconstructed":["Messages: the last 2"]}"""
                .formatted(dryRun));
        server.answer("POST /conversations/c1/suggest-reply", 200, dryRun);
        client.login(new Credentials("sam@acme.example", "pw"));

        Replay replay = client.replayTurn("c1", "t1");
        DryRun draft = client.suggestReply("c1");

        assertThat(replay.replyThen()).isEqualTo("Hello");
        assertThat(replay.now().reply()).isEqualTo("Yes!");
        assertThat(replay.reconstructed()).containsExactly("Messages: the last 2");
        assertThat(draft.interventions().getFirst().detail()).isEqualTo("too long");
        assertThat(server.last().method()).isEqualTo("POST");
    }

    @Test
    void aBotReplyCarriesTheTurnThatWroteIt() {
        server.answer("POST /auth/login", 200, AUTH_RESPONSE);
        server.answer("GET /conversations/c1/messages", 200, """
                [{"id":"m2","conversation_id":"c1","message_from":"bot","message_type":"text","content":"Yes",
                  "status":"sent","simulated":false,"created_at":"2026-11-03T10:15:30Z","turn_id":"t1"}]""");
        client.login(new Credentials("sam@acme.example", "pw"));

        assertThat(client.messages("c1").getFirst().turnId()).isEqualTo("t1");
    }

    @Test
    void oneLeadIsReadById() {
        server.answer("POST /auth/login", 200, AUTH_RESPONSE);
        server.answer("GET /leads/l1", 200, """
                {"id":"l1","phone":"15550001","name":"Ana","email":"ana@bakery.example","company":null,
                 "stage":"pricing","intent_level":"high","sentiment":"curious","simulated":false,
                 "conversation_id":"c1","created_at":"2026-11-03T10:15:30Z","updated_at":"2026-11-03T10:15:30Z"}""");
        client.login(new Credentials("sam@acme.example", "pw"));

        Lead lead = client.lead("l1");

        assertThat(lead.email()).isEqualTo("ana@bakery.example");
        assertThat(lead.conversationId()).isEqualTo("c1");
        assertThat(server.last().authorization()).isEqualTo("Bearer tok-1");
    }

    @Test
    void aConversationsFollowupsAreListed() {
        server.answer("POST /auth/login", 200, AUTH_RESPONSE);
        server.answer("GET /conversations/c1/followups", 200, """
                [{"id":"f1","type":"followup","scheduled_at":"2026-11-04T09:00:00Z","status":"pending",
                  "reason":"No reply for 3 hours","executed_at":null}]""");
        client.login(new Credentials("sam@acme.example", "pw"));

        assertThat(client.followups("c1")).containsExactly(new Followup("f1", "followup",
                Instant.parse("2026-11-04T09:00:00Z"), "pending", "No reply for 3 hours", null));
    }

    @Test
    void cancellingAFollowupPostsToItsCancelRoute() {
        server.answer("POST /auth/login", 200, AUTH_RESPONSE);
        server.answer("POST /followups/f1/cancel", 200, """
                {"id":"f1","type":"followup","scheduled_at":"2026-11-04T09:00:00Z","status":"cancelled",
                 "reason":"Cancelled by Sam","executed_at":null}""");
        client.login(new Credentials("sam@acme.example", "pw"));

        Followup cancelled = client.cancelFollowup("f1");

        assertThat(cancelled.status()).isEqualTo("cancelled");
        assertThat(server.last().method()).isEqualTo("POST");
    }

    @Test
    void cancellingAFollowupNoLongerPendingIsRefused() {
        server.answer("POST /auth/login", 200, AUTH_RESPONSE);
        server.answer("POST /followups/f1/cancel", 409, "{\"error\":\"The follow-up is no longer pending\"}");
        client.login(new Credentials("sam@acme.example", "pw"));

        assertThatThrownBy(() -> client.cancelFollowup("f1"))
                .isInstanceOf(BackendException.class)
                .hasMessage("The follow-up is no longer pending");
    }

    @Test
    void rejectedWebhooksAreReadWithTheUnattributedCount() {
        server.answer("POST /auth/login", 200, AUTH_RESPONSE);
        server.answer("GET /webhooks/rejected?limit=100", 200, """
                {"items":[{"id":"9b2f6c1e-0d7a-4d8e-9a51-3c2b1f0e7d64","reason":"Failed after 5 attempts",
                  "receive_count":6,"size":1544,"received_at":"2026-11-22T06:30:00Z"}],
                 "unattributed_count":3}""");
        client.login(new Credentials("sam@acme.example", "pw"));

        RejectedWebhooks rejected = client.rejectedWebhooks();

        assertThat(rejected.items()).containsExactly(new RejectedWebhook("9b2f6c1e-0d7a-4d8e-9a51-3c2b1f0e7d64",
                "Failed after 5 attempts", 6, 1544, Instant.parse("2026-11-22T06:30:00Z")));
        assertThat(rejected.unattributedCount()).isEqualTo(3);
        assertThat(server.last().authorization()).isEqualTo("Bearer tok-1");
    }

    @Test
    void theBackendsErrorTextBecomesTheMessage() {
        server.answer("POST /auth/login", 401, "{\"error\":\"Wrong email or password\"}");

        assertThatThrownBy(() -> client.login(new Credentials("sam@acme.example", "nope")))
                .isInstanceOf(BackendException.class)
                .hasMessage("Wrong email or password")
                .extracting(e -> ((BackendException) e).status()).isEqualTo(401);
    }

    @Test
    void anErrorWithoutJsonStillSaysSomethingUseful() {
        server.answer("GET /health", 502, "");

        assertThatThrownBy(client::health).hasMessage("The server answered with HTTP status 502.");
    }

    @Test
    void noTokenMeansSignInFirst() {
        assertThatThrownBy(client::whatsAppSettings).hasMessage("Please sign in first.");
        assertThat(server.requests).isEmpty();
    }

    @Test
    void unreachableServerIsNamed() throws IOException {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0)) {
            freePort = socket.getLocalPort();
        }
        HttpBackendClient nowhere = HttpBackendClient.create(URI.create("http://127.0.0.1:" + freePort + "/"));

        assertThatThrownBy(nowhere::health)
                .isInstanceOf(BackendException.class)
                .hasMessage("Cannot reach the server at http://127.0.0.1:" + freePort + ". Is it running?");
    }

    @Test
    void optionalWhatsAppFieldsAreLeftOutWhenEmpty() {
        server.answer("POST /auth/login", 200, AUTH_RESPONSE);
        server.answer("PUT /settings/whatsapp", 200, """
                {"connected":true,"phone_number_id":"1065","business_account_id":null,
                 "display_phone_number":null,"status":"active"}""");
        client.login(new Credentials("sam@acme.example", "pw"));

        WhatsAppSettings saved = client.saveWhatsAppSettings(new WhatsAppSettingsUpdate("1065", "EAAG", "", ""));

        assertThat(server.last().body()).isEqualTo("{\"phone_number_id\":\"1065\",\"access_token\":\"EAAG\"}");
        assertThat(saved.connected()).isTrue();
    }

    // --- organisation settings, users, CTAs ---

    private static final String ORGANISATION = """
            {"id":"o1","name":"Acme Solar","business_profile":null,"sales_playbook":"Offer a visit",
             "tone":"friendly","time_zone":"Europe/Paris","quiet_hours_start":"21:00","quiet_hours_end":"08:00",
             "max_followups_24h":2,"max_followups_total":5,"max_words":80,"min_confidence":0.6,
             "followup_cadence_minutes":[10,180,360],"ghosted_after_hours":48,
             "invite_code":"0123456789abcdef01234567"}""";

    @Test
    void organisationSettingsAreReadWithTheirOddlyNamedCap() {
        server.answer("POST /auth/login", 200, AUTH_RESPONSE);
        server.answer("GET /organisation", 200, ORGANISATION);
        client.login(new Credentials("sam@acme.example", "pw"));

        OrganisationSettings organisation = client.organisationSettings();

        assertThat(organisation.maxFollowups24h()).isEqualTo(2);
        assertThat(organisation.followupCadenceMinutes()).containsExactly(10, 180, 360);
        assertThat(organisation.businessProfile()).isNull();
        assertThat(organisation.inviteCode()).isEqualTo("0123456789abcdef01234567");
    }

    @Test
    void organisationSettingsArePatchedWholeWithNullsForClearedOnes() {
        server.answer("POST /auth/login", 200, AUTH_RESPONSE);
        server.answer("PATCH /organisation", 200, ORGANISATION);
        client.login(new Credentials("sam@acme.example", "pw"));

        client.saveOrganisationSettings(new OrganisationSettingsUpdate("Acme Solar", null, "Offer a visit", "friendly",
                "Europe/Paris", null, null, 2, 5, 80, 0.6, List.of(10, 180), 48, null));

        assertThat(server.last().body()).isEqualTo("{\"name\":\"Acme Solar\",\"business_profile\":null,"
                + "\"sales_playbook\":\"Offer a visit\",\"tone\":\"friendly\",\"time_zone\":\"Europe/Paris\","
                + "\"quiet_hours_start\":null,\"quiet_hours_end\":null,\"max_followups_24h\":2,"
                + "\"max_followups_total\":5,\"max_words\":80,\"min_confidence\":0.6,"
                + "\"followup_cadence_minutes\":[10,180],\"ghosted_after_hours\":48,\"followup_template\":null}");
    }

    @Test
    void theFollowupTemplateIsSentAndReadWithItsSources() {
        server.answer("POST /auth/login", 200, AUTH_RESPONSE);
        server.answer("PATCH /organisation", 200, ORGANISATION.replace("}", """
                ,"followup_template":{"template_id":"t1","header":[],"body":["lead_name","custom:Still keen?"],
                 "buttons":[],"name_fallback":"there"}}"""));
        client.login(new Credentials("sam@acme.example", "pw"));
        FollowupTemplate chosen = new FollowupTemplate("t1", List.of(), List.of("lead_name", "custom:Still keen?"),
                List.of(), "there");

        OrganisationSettings saved = client.saveOrganisationSettings(new OrganisationSettingsUpdate("Acme Solar", null,
                null, "friendly", "Europe/Paris", null, null, 2, 5, 80, 0.6, List.of(10), 48, chosen));

        assertThat(server.last().body()).endsWith(",\"followup_template\":{\"template_id\":\"t1\",\"header\":[],"
                + "\"body\":[\"lead_name\",\"custom:Still keen?\"],\"buttons\":[],\"name_fallback\":\"there\"}}");
        assertThat(saved.followupTemplate()).isEqualTo(chosen);
    }

    @Test
    void aBadRequestCarriesTheFieldsItNames() {
        server.answer("POST /auth/login", 200, AUTH_RESPONSE);
        server.answer("PATCH /organisation", 400, """
                {"error":"max_words must be 10 to 300; tone is required","fields":["max_words","tone"]}""");
        client.login(new Credentials("sam@acme.example", "pw"));

        assertThatThrownBy(() -> client.saveOrganisationSettings(new OrganisationSettingsUpdate("Acme", null, null, "",
                "Europe/Paris", null, null, 2, 5, 5, 0.6, List.of(10), 48, null)))
                .isInstanceOf(BackendException.class)
                .hasMessage("max_words must be 10 to 300; tone is required")
                .extracting(e -> ((BackendException) e).fields()).isEqualTo(List.of("max_words", "tone"));
    }

    @Test
    void aNewInviteCodeIsPosted() {
        server.answer("POST /auth/login", 200, AUTH_RESPONSE);
        server.answer("POST /organisation/invite-code", 200, "{\"invite_code\":\"fedcba9876543210fedcba98\"}");
        client.login(new Credentials("sam@acme.example", "pw"));

        assertThat(client.newInviteCode().inviteCode()).isEqualTo("fedcba9876543210fedcba98");
        assertThat(server.last().authorization()).isEqualTo("Bearer tok-1");
    }

    @Test
    void usersAreListedAndChangedOneFieldAtATime() {
        server.answer("POST /auth/login", 200, AUTH_RESPONSE);
        server.answer("GET /users?limit=500", 200, """
                [{"id":"u2","name":"Alex","email":"alex@acme.example","role":"agent","is_active":true,
                  "last_login_at":null,"created_at":"2026-11-03T10:15:30Z"}]""");
        server.answer("PATCH /users/u2", 200, """
                {"id":"u2","name":"Alex","email":"alex@acme.example","role":"agent","is_active":false,
                 "last_login_at":null,"created_at":"2026-11-03T10:15:30Z"}""");
        client.login(new Credentials("sam@acme.example", "pw"));

        TeamMember alex = client.teamMembers().getFirst();
        TeamMember changed = client.changeTeamMember("u2", TeamMemberChange.active(false));

        assertThat(alex.isActive()).isTrue();
        assertThat(alex.lastLoginAt()).isNull();
        assertThat(server.last().body()).isEqualTo("{\"is_active\":false}");
        assertThat(changed.isActive()).isFalse();
    }

    @Test
    void theLastAdminConflictKeepsTheServersWords() {
        server.answer("POST /auth/login", 200, AUTH_RESPONSE);
        server.answer("DELETE /users/u1", 409, "{\"error\":\"The organisation must keep an active admin\"}");
        client.login(new Credentials("sam@acme.example", "pw"));

        assertThatThrownBy(() -> client.deleteTeamMember("u1"))
                .hasMessage("The organisation must keep an active admin")
                .extracting(e -> ((BackendException) e).fields()).isEqualTo(List.of());
    }

    @Test
    void ctasAreListedCreatedChangedAndDeleted() {
        String cta = """
                {"id":"c1","name":"Site visit","cta_type":"visit","description":null,"url":null,"is_active":true,
                 "created_at":"2026-11-03T10:15:30Z","updated_at":"2026-11-03T10:15:30Z"}""";
        server.answer("POST /auth/login", 200, AUTH_RESPONSE);
        server.answer("GET /ctas", 200, "[" + cta + "]");
        server.answer("POST /ctas", 201, cta);
        server.answer("PATCH /ctas/c1", 200, cta);
        server.answer("DELETE /ctas/c1", 204, "");
        client.login(new Credentials("sam@acme.example", "pw"));

        assertThat(client.ctas()).containsExactly(new Cta("c1", "Site visit", "visit", null, null, true));
        client.createCta(new CtaInput("Site visit", "visit", "", "", true));
        String created = server.last().body();
        client.updateCta("c1", new CtaInput("Site visit", "visit", "We come by", "", false));
        String updated = server.last().body();
        client.deleteCta("c1");

        assertThat(created).isEqualTo(
                "{\"name\":\"Site visit\",\"cta_type\":\"visit\",\"description\":\"\",\"url\":\"\",\"is_active\":true}");
        assertThat(updated).contains("\"description\":\"We come by\"", "\"is_active\":false");
        assertThat(server.last().method()).isEqualTo("DELETE");
        assertThat(server.last().pathAndQuery()).isEqualTo("/ctas/c1");
    }

    @Test
    void sendAndSimulatePostTheDocumentedBodies() {
        server.answer("POST /auth/login", 200, AUTH_RESPONSE);
        server.answer("POST /messages/send", 201, """
                {"id":"m1","conversation_id":"c1","message_from":"human","message_type":"text",
                 "content":"Hello","status":"sent","error":null,"created_at":"2026-11-03T10:15:30Z"}""");
        server.answer("POST /debug/simulate", 202, "{\"accepted\":true}");
        client.login(new Credentials("sam@acme.example", "pw"));

        Message sent = client.sendMessage(new OutgoingMessage("c1", "Hello"));
        String sendBody = server.last().body();
        client.simulate(new SimulatedInbound("15550001111", "Maya", "Hi"));

        assertThat(sent.messageFrom()).isEqualTo(MessageFrom.HUMAN);
        assertThat(sendBody).isEqualTo("{\"conversation_id\":\"c1\",\"content\":\"Hello\"}");
        assertThat(server.last().body()).isEqualTo("{\"from_phone\":\"15550001111\",\"name\":\"Maya\",\"text\":\"Hi\"}");
    }

    @Test
    void disconnectAcceptsAnEmptyAnswer() {
        server.answer("POST /auth/login", 200, AUTH_RESPONSE);
        server.answer("DELETE /settings/whatsapp", 204, "");
        client.login(new Credentials("sam@acme.example", "pw"));

        client.disconnectWhatsApp();

        assertThat(server.last().method()).isEqualTo("DELETE");
    }

    private static final String LEAD_JSON = """
            {"id":"l1","phone":"14155550123","name":"Asha","email":null,"company":"Acme","stage":"pricing",
             "intent_level":"high","sentiment":"curious","simulated":false,"conversation_id":"c1",
             "created_at":"2026-11-20T10:15:30Z","updated_at":"2026-11-21T08:00:00Z"}""";

    @Test
    void leadsAreListedWithFiltersSearchAndPaging() {
        server.answer("POST /auth/login", 200, AUTH_RESPONSE);
        server.answer("GET /leads?stage=pricing&intent_level=very_high&q=asha%20rao&limit=50&offset=100", 200,
                "{\"items\":[" + LEAD_JSON + "],\"total\":101,\"limit\":50,\"offset\":100}");
        client.login(new Credentials("sam@acme.example", "pw"));

        LeadPage page = client.leads(new LeadFilter("pricing", "very_high", null, " asha rao "), 50, 100);

        assertThat(page.total()).isEqualTo(101);
        assertThat(page.offset()).isEqualTo(100);
        Lead asha = page.items().getFirst();
        assertThat(asha.intentLevel()).isEqualTo("high");
        assertThat(asha.email()).isNull();
        assertThat(asha.updatedAt()).isEqualTo(Instant.parse("2026-11-21T08:00:00Z"));
    }

    @Test
    void aLeadIsCreatedChangedAndDeleted() {
        server.answer("POST /auth/login", 200, AUTH_RESPONSE);
        server.answer("POST /leads", 201, LEAD_JSON);
        server.answer("PATCH /leads/l1", 200, LEAD_JSON);
        server.answer("DELETE /leads/l1", 204, "");
        client.login(new Credentials("sam@acme.example", "pw"));

        client.createLead(new NewLead("+1 415 555 0123", "Asha", null, "Acme"));
        String created = server.last().body();
        client.updateLead("l1", new LeadChanges("", null, null, "pricing", null, null));
        String changed = server.last().body();
        client.deleteLead("l1");

        assertThat(created).isEqualTo("{\"phone\":\"+1 415 555 0123\",\"name\":\"Asha\",\"email\":null,\"company\":\"Acme\"}");
        assertThat(changed).isEqualTo("{\"name\":\"\",\"stage\":\"pricing\"}");
        assertThat(server.last().method()).isEqualTo("DELETE");
    }

    @Test
    void aRefusedChangeNamesItsFields() {
        server.answer("POST /auth/login", 200, AUTH_RESPONSE);
        server.answer("PATCH /leads/l1", 400, """
                {"error":"email must be an address like name@example.com; stage must be one of: greeting, pricing",
                 "fields":["email","stage"]}""");
        client.login(new Credentials("sam@acme.example", "pw"));

        assertThatThrownBy(() -> client.updateLead("l1", new LeadChanges(null, "x", null, "nope", null, null)))
                .isInstanceOfSatisfying(BackendException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.fields()).containsExactly("email", "stage");
                    assertThat(e.problemsByField()).containsEntry("email", "email must be an address like name@example.com")
                            .containsEntry("stage", "stage must be one of: greeting, pricing");
                });
    }

    @Test
    void aCsvFileIsImportedAsTextCsvAndItsResultRead() {
        server.answer("POST /auth/login", 200, AUTH_RESPONSE);
        server.answer("POST /leads/import", 200, """
                {"imported":1,"updated":0,"unchanged":2,"failed":[{"row":3,"errors":["phone is required"]}]}""");
        client.login(new Credentials("sam@acme.example", "pw"));

        LeadImportResult result = client.importLeads("phone,name\n14155550123,Asha\n,Bruno\n".getBytes());

        assertThat(server.last().body()).isEqualTo("phone,name\n14155550123,Asha\n,Bruno\n");
        assertThat(server.last().contentType()).isEqualTo("text/csv; charset=utf-8");
        assertThat(result.imported()).isEqualTo(1);
        assertThat(result.unchanged()).isEqualTo(2);
        assertThat(result.failed()).containsExactly(new LeadImportFailure(3, List.of("phone is required")));
    }

    @Test
    void anExportReturnsTheCsvBytesForTheFilters() {
        server.answer("POST /auth/login", 200, AUTH_RESPONSE);
        server.answer("GET /leads/export?sentiment=curious", 200, "phone,name\n14155550123,Asha\n");
        client.login(new Credentials("sam@acme.example", "pw"));

        byte[] csv = client.exportLeads(new LeadFilter(null, null, "curious", ""));

        assertThat(new String(csv)).isEqualTo("phone,name\n14155550123,Asha\n");
        assertThat(server.last().authorization()).isEqualTo("Bearer tok-1");
    }

    private static final String TEMPLATE_JSON = """
            {"id":"t1","name":"spring_offer","language":"en_US","category":"MARKETING",
             "components":[{"type":"HEADER","format":"TEXT","text":"Hello {{1}}","example":{"header_text":["Ana"]}},
               {"type":"BODY","text":"Panels at {{1}}","example":{"body_text":[["4,990 EUR"]]}},
               {"type":"BUTTONS","buttons":[{"type":"URL","text":"See it","url":"https://acme.example/{{1}}",
                 "example":["https://acme.example/spring"]}]}],
             "status":"REJECTED","status_reason":"INVALID_FORMAT","meta_template_id":"1789",
             "parameters":{"header":1,"body":1,"buttons":1},
             "created_at":"2026-11-03T10:15:30Z","updated_at":"2026-11-03T10:15:30Z"}""";

    @Test
    void templatesAreReadWithComponentsStatusAndParameters() {
        server.answer("POST /auth/login", 200, AUTH_RESPONSE);
        server.answer("GET /templates", 200, "[" + TEMPLATE_JSON + "]");
        client.login(new Credentials("sam@acme.example", "pw"));

        Template t = client.templates().getFirst();

        assertThat(t.statusReason()).isEqualTo("INVALID_FORMAT");
        assertThat(t.parameters()).isEqualTo(new TemplateParameters(1, 1, 1));
        assertThat(t.component("HEADER").orElseThrow().example().headerText()).containsExactly("Ana");
        assertThat(t.component("BODY").orElseThrow().example().bodyText()).containsExactly(List.of("4,990 EUR"));
        assertThat(t.component("BUTTONS").orElseThrow().buttons().getFirst().example())
                .containsExactly("https://acme.example/spring");
        assertThat(t.editable()).isTrue();
    }

    @Test
    void aNewTemplateIsPostedInMetasShapeWithoutEmptyParts() {
        server.answer("POST /auth/login", 200, AUTH_RESPONSE);
        server.answer("POST /templates", 201, TEMPLATE_JSON);
        client.login(new Credentials("sam@acme.example", "pw"));

        client.createTemplate(new TemplateDraft("spring_offer", "en_US", "MARKETING", List.of(
                TemplateComponent.body("Panels at {{1}}", List.of("4,990 EUR")),
                TemplateComponent.buttons(List.of(new TemplateButton("PHONE_NUMBER", "Call", null, "+15550001234", null))))));

        assertThat(server.last().body()).isEqualTo("{\"name\":\"spring_offer\",\"language\":\"en_US\","
                + "\"category\":\"MARKETING\",\"components\":[{\"type\":\"BODY\",\"text\":\"Panels at {{1}}\","
                + "\"example\":{\"body_text\":[[\"4,990 EUR\"]]}},{\"type\":\"BUTTONS\",\"buttons\":"
                + "[{\"type\":\"PHONE_NUMBER\",\"text\":\"Call\",\"phone_number\":\"+15550001234\"}]}]}");
    }

    @Test
    void templateActionsUseTheirRoutes() {
        server.answer("POST /auth/login", 200, AUTH_RESPONSE);
        server.answer("PATCH /templates/t1", 200, TEMPLATE_JSON);
        server.answer("POST /templates/t1/submit", 200, TEMPLATE_JSON);
        server.answer("POST /templates/t1/refresh", 200, TEMPLATE_JSON);
        server.answer("DELETE /templates/t1", 204, "");
        server.answer("POST /templates/sync", 200, "{\"created\":2,\"updated\":1,\"skipped\":0,\"templates\":[" + TEMPLATE_JSON + "]}");
        client.login(new Credentials("sam@acme.example", "pw"));

        client.updateTemplate("t1", new TemplateDraft("spring_offer", "en_US", "MARKETING", List.of()));
        client.submitTemplate("t1");
        client.refreshTemplate("t1");
        client.deleteTemplate("t1");
        TemplateSync sync = client.syncTemplates();

        assertThat(server.requests).extracting(r -> r.method() + " " + r.pathAndQuery()).containsExactly(
                "POST /auth/login", "PATCH /templates/t1", "POST /templates/t1/submit", "POST /templates/t1/refresh",
                "DELETE /templates/t1", "POST /templates/sync");
        assertThat(sync.created()).isEqualTo(2);
        assertThat(sync.templates()).extracting(Template::id).containsExactly("t1");
    }

    @Test
    void aRefusedTemplateDraftNamesItsFields() {
        server.answer("POST /auth/login", 200, AUTH_RESPONSE);
        server.answer("POST /templates", 400, """
                {"error":"name is required; components[BODY].text is required","fields":["name","components[BODY].text"]}""");
        client.login(new Credentials("sam@acme.example", "pw"));

        assertThatThrownBy(() -> client.createTemplate(new TemplateDraft("", "en", "MARKETING", List.of())))
                .isInstanceOf(BackendException.class)
                .hasMessage("name is required; components[BODY].text is required")
                .extracting(e -> ((BackendException) e).fields()).isEqualTo(List.of("name", "components[BODY].text"));
    }

    @Test
    void aTemplateIsSentWithItsValuesByPart() {
        server.answer("POST /auth/login", 200, AUTH_RESPONSE);
        server.answer("POST /messages/send", 201, """
                {"id":"m2","conversation_id":"c1","message_from":"human","message_type":"template",
                 "content":"Hello Ana","status":"sent","created_at":"2026-11-03T10:15:30Z"}""");
        client.login(new Credentials("sam@acme.example", "pw"));

        Message sent = client.sendTemplate(new OutgoingTemplateMessage("c1", "t1",
                new TemplateValues(List.of("Ana"), List.of("4,990 EUR"), List.of("spring"))));

        assertThat(server.last().body()).isEqualTo("{\"conversation_id\":\"c1\",\"template\":{\"id\":\"t1\","
                + "\"parameters\":{\"header\":[\"Ana\"],\"body\":[\"4,990 EUR\"],\"buttons\":[\"spring\"]}}}");
        assertThat(sent.messageType()).isEqualTo("template");
    }

    @Test
    void conversationsCarryWhenTheLeadLastWrote() {
        server.answer("POST /auth/login", 200, AUTH_RESPONSE);
        server.answer("GET /conversations", 200, """
                [{"id":"c1","lead_id":"l1","lead_phone":"15550001111","mode":"human","needs_attention":false,
                  "simulated":false,"last_user_message_at":"2026-11-01T08:00:00Z","updated_at":"2026-11-03T10:15:31Z"}]""");
        client.login(new Credentials("sam@acme.example", "pw"));

        Conversation c = client.conversations(new ConversationFilter(null, null)).getFirst();

        assertThat(c.lastUserMessageAt()).isEqualTo(Instant.parse("2026-11-01T08:00:00Z"));
    }
}
