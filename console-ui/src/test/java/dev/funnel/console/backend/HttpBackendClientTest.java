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
}
