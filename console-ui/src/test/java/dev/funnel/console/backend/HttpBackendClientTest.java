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
    void aBadRequestCarriesTheFieldsItNames() {
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
