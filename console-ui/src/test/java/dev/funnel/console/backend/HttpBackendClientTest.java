package dev.funnel.console.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpBackendClientTest {

    private static final String AUTH_RESPONSE = """
            {"access_token":"tok-1","token_type":"bearer",
             "user":{"id":"u1","name":"Sam","email":"sam@acme.example","role":"admin","organisation_id":"o1"},
             "organisation":{"id":"o1","name":"Acme"},"unexpected_field":42}""";

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
                "Europe/Paris", null, null, 2, 5, 80, 0.6, List.of(10, 180), 48));

        assertThat(server.last().body()).isEqualTo("{\"name\":\"Acme Solar\",\"business_profile\":null,"
                + "\"sales_playbook\":\"Offer a visit\",\"tone\":\"friendly\",\"time_zone\":\"Europe/Paris\","
                + "\"quiet_hours_start\":null,\"quiet_hours_end\":null,\"max_followups_24h\":2,"
                + "\"max_followups_total\":5,\"max_words\":80,\"min_confidence\":0.6,"
                + "\"followup_cadence_minutes\":[10,180],\"ghosted_after_hours\":48}");
    }

    @Test
    void aBadRequestCarriesTheFieldsItNames() {
        server.answer("POST /auth/login", 200, AUTH_RESPONSE);
        server.answer("PATCH /organisation", 400, """
                {"error":"max_words must be 10 to 300; tone is required","fields":["max_words","tone"]}""");
        client.login(new Credentials("sam@acme.example", "pw"));

        assertThatThrownBy(() -> client.saveOrganisationSettings(new OrganisationSettingsUpdate("Acme", null, null, "",
                "Europe/Paris", null, null, 2, 5, 5, 0.6, List.of(10), 48)))
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
}
