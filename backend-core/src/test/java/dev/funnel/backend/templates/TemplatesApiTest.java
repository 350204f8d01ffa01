package dev.funnel.backend.templates;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.funnel.backend.testing.ApiClient;
import dev.funnel.backend.testing.EventsClient;
import dev.funnel.backend.testing.RecordingGraphServer;
import dev.funnel.backend.testing.SoloStack;
import dev.funnel.backend.testing.TemplateFixtures;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Templates written as drafts, submitted to Meta, and kept in step with Meta's review through the API. */
class TemplatesApiTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String WABA = SoloStack.BUSINESS_ACCOUNT_ID;

    private static SoloStack stack;
    private static ApiClient api;
    private static RecordingGraphServer graph;

    @BeforeAll
    static void start(@TempDir Path dataDir) {
        stack = SoloStack.start(dataDir, "Template Co", "templates-secret", "5554440000001", Map.of());
        api = stack.api();
        graph = stack.graph();
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    /** Another organisation with its own number and business account. */
    private static ApiClient otherOrganisation(String name, String phoneNumberId, String businessAccountId) {
        ApiClient other = new ApiClient(stack.backend().baseUri());
        other.signUp(name, name.toLowerCase().replaceAll("[^a-z]", "") + "@templates.test");
        String waba = businessAccountId == null ? "" : ",\"business_account_id\":\"" + businessAccountId + "\"";
        assertThat(other.put("/settings/whatsapp", "{\"phone_number_id\":\"%s\",\"access_token\":\"EAAG-%s\"%s}"
                .formatted(phoneNumberId, phoneNumberId, waba)).status()).isEqualTo(200);
        return other;
    }

    private static JsonNode submitted(String name) {
        String id = TemplateFixtures.created(api, name).path("id").asText();
        ApiClient.Response r = api.post("/templates/" + id + "/submit", "{}");
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        return r.body();
    }

    private static List<RecordingGraphServer.Call> callsTo(String method, String pathEnd) {
        return graph.calls().stream().filter(c -> c.method().equals(method) && c.path().endsWith(pathEnd)).toList();
    }

    @Test
    void aValidTemplateIsStoredAsADraftWithWhatASendMustGive() {
        JsonNode t = TemplateFixtures.created(api, "draft_only");

        assertThat(t.path("status").asText()).isEqualTo("DRAFT");
        assertThat(t.path("meta_template_id").isNull()).isTrue();
        assertThat(t.path("components").get(1).path("example").path("body_text").get(0).get(1).asText())
                .isEqualTo("Monday");
        assertThat(t.path("parameters").path("header").asInt()).isEqualTo(1);
        assertThat(t.path("parameters").path("body").asInt()).isEqualTo(2);
        assertThat(t.path("parameters").path("buttons").asInt()).isEqualTo(1);
        assertThat(stack.count("SELECT COUNT(*) FROM audit_log WHERE action = 'template.created' AND entity_id = '"
                + t.path("id").asText() + "'")).isEqualTo(1);
    }

    @Test
    void badTemplateFieldsAreRefusedNamingEachOne() {
        ApiClient.Response r = api.post("/templates", """
                {"name":"Order Update!","language":"english","category":"PROMO","components":[
                 {"type":"HEADER","format":"IMAGE","text":"Hi {{1}} {{2}}"},
                 {"type":"FOOTER","text":"%s"},
                 {"type":"BUTTONS","buttons":[{"type":"URL","text":"Open","url":"ftp://x.example/{{1}}"},
                                              {"type":"CALL_ME","text":"Hey"}]}]}""".formatted("x".repeat(61)));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().path("error").asText()).contains(
                "name must use only lowercase letters, digits and underscores",
                "language must be a language code",
                "category must be one of MARKETING, UTILITY, AUTHENTICATION",
                "components[HEADER].format must be TEXT",
                "components[HEADER].text can have at most one variable",
                "components[FOOTER].text must be at most 60 characters",
                "components[BUTTONS].buttons[0].url must be an http(s) URL",
                "components[BUTTONS].buttons[0].example must give one example URL",
                "components[BUTTONS].buttons[1].type must be one of QUICK_REPLY, URL, PHONE_NUMBER",
                "components must include a BODY");
        assertThat(stack.count("SELECT COUNT(*) FROM templates WHERE name = 'Order Update!'")).isZero();
    }

    @Test
    void bodyVariablesMustRunInSequenceWithAnExampleForEach() {
        ApiClient.Response gap = api.post("/templates", """
                {"name":"gappy","language":"en","category":"MARKETING","components":[
                 {"type":"BODY","text":"Hi {{1}}, {{3}} is ready","example":{"body_text":[["a","b"]]}}]}""");
        ApiClient.Response missing = api.post("/templates", """
                {"name":"unexampled","language":"en","category":"MARKETING","components":[
                 {"type":"BODY","text":"Hi {{1}}, {{2}} is ready","example":{"body_text":[["Priya"]]}}]}""");
        ApiClient.Response tooLong = api.post("/templates", """
                {"name":"wordy","language":"en","category":"MARKETING","components":[
                 {"type":"BODY","text":"%s"}]}""".formatted("y".repeat(1025)));

        assertThat(gap.status()).isEqualTo(400);
        assertThat(gap.body().path("error").asText())
                .contains("components[BODY].text must number its variables {{1}}, {{2}}... in sequence");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body().path("error").asText())
                .contains("components[BODY].example.body_text must be one list of 2 example value(s)");
        assertThat(tooLong.body().path("error").asText())
                .contains("components[BODY].text must be at most 1024 characters");
    }

    @Test
    void aSecondTemplateWithTheSameNameAndLanguageIsAConflict() {
        TemplateFixtures.created(api, "twice");

        ApiClient.Response again = api.post("/templates", TemplateFixtures.orderUpdate("twice"));

        assertThat(again.status()).isEqualTo(409);
    }

    @Test
    void submittingSendsMetaTheTemplateWithTheTokenAndStoresItsIdAsPending() {
        JsonNode t = submitted("order_update");

        RecordingGraphServer.Call call = callsTo("POST", "/" + WABA + "/message_templates").stream()
                .filter(c -> c.body().path("name").asText().equals("order_update")).findFirst().orElseThrow();
        assertThat(call.authorization()).isEqualTo("Bearer EAAG-test");
        assertThat(call.body().path("language").asText()).isEqualTo("en_US");
        assertThat(call.body().path("category").asText()).isEqualTo("UTILITY");
        assertThat(call.body().path("components")).extracting(c -> c.path("type").asText())
                .containsExactly("HEADER", "BODY", "FOOTER", "BUTTONS");
        assertThat(call.body().path("components").get(3).path("buttons").get(2).path("phone_number").asText())
                .isEqualTo("+15550001234");
        String metaId = graph.templates().find("order_update", "en_US").orElseThrow().id();
        assertThat(t.path("meta_template_id").asText()).isEqualTo(metaId);
        assertThat(t.path("status").asText()).isEqualTo("PENDING");
        assertThat(stack.text("SELECT status FROM templates WHERE meta_template_id = '" + metaId + "'"))
                .isEqualTo("PENDING");
    }

    @Test
    void metaRefusingASubmissionIsA400WithMetasMessageAndTheDraftStays() {
        graph.templates().add(WABA, "already_there", "en_US", "UTILITY", "APPROVED", "Made in WhatsApp Manager");
        String id = TemplateFixtures.created(api, "already_there").path("id").asText();

        ApiClient.Response r = api.post("/templates/" + id + "/submit", "{}");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().path("error").asText())
                .contains("Content in This Language Already Exists", "There is already en_US content");
        assertThat(api.get("/templates/" + id).body().path("status").asText()).isEqualTo("DRAFT");
    }

    @Test
    void metaFailingASubmissionIsA502AndTheDraftStays() {
        String id = TemplateFixtures.created(api, "meta_down").path("id").asText();
        graph.failNext("POST", "/message_templates", 500, """
                {"error":{"message":"An unexpected error has occurred. Please retry your request later.",
                 "type":"OAuthException","code":2,"is_transient":true}}""");

        ApiClient.Response r = api.post("/templates/" + id + "/submit", "{}");

        assertThat(r.status()).isEqualTo(502);
        assertThat(r.body().path("error").asText()).contains("Please retry your request later");
        assertThat(api.get("/templates/" + id).body().path("status").asText()).isEqualTo("DRAFT");
    }

    @Test
    void refreshFetchesTheStatusAndReasonFromMeta() {
        JsonNode t = submitted("to_refresh");
        String metaId = t.path("meta_template_id").asText();
        graph.templates().review(metaId, "REJECTED", "INVALID_FORMAT");

        JsonNode refreshed = api.post("/templates/" + t.path("id").asText() + "/refresh", "{}").body();

        assertThat(refreshed.path("status").asText()).isEqualTo("REJECTED");
        assertThat(refreshed.path("status_reason").asText()).isEqualTo("INVALID_FORMAT");
        RecordingGraphServer.Call call = callsTo("GET", "/" + metaId).getLast();
        assertThat(call.query()).isEqualTo("fields=status,rejected_reason");
    }

    @Test
    void aPendingTemplateCannotBeChangedButARejectedOneCanAndGoesBackToMetaAsAnEdit() {
        JsonNode t = submitted("fix_me");
        String id = t.path("id").asText();
        String metaId = t.path("meta_template_id").asText();
        String newBody = "{\"components\":[{\"type\":\"BODY\",\"text\":\"Your order ships soon.\"}]}";

        ApiClient.Response whilePending = api.patch("/templates/" + id, newBody);
        graph.templates().review(metaId, "REJECTED", "INVALID_FORMAT");
        api.post("/templates/" + id + "/refresh", "{}");
        ApiClient.Response renamed = api.patch("/templates/" + id, "{\"name\":\"fixed\"}");
        ApiClient.Response fixed = api.patch("/templates/" + id, newBody);
        ApiClient.Response resubmitted = api.post("/templates/" + id + "/submit", "{}");

        assertThat(whilePending.status()).isEqualTo(409);
        assertThat(renamed.status()).isEqualTo(400);
        assertThat(fixed.status()).isEqualTo(200);
        assertThat(fixed.body().path("status").asText()).isEqualTo("DRAFT");
        assertThat(fixed.body().path("parameters").path("body").asInt()).isZero();
        assertThat(resubmitted.body().path("status").asText()).isEqualTo("PENDING");
        assertThat(resubmitted.body().path("meta_template_id").asText()).isEqualTo(metaId);
        RecordingGraphServer.Call edit = callsTo("POST", "/" + metaId).getLast();
        assertThat(edit.body().path("components").get(0).path("text").asText()).isEqualTo("Your order ships soon.");
        assertThat(graph.templates().find("fix_me", "en_US").orElseThrow().status()).isEqualTo("PENDING");
    }

    @Test
    void deletingASubmittedTemplateDeletesItAtMetaByIdToo() {
        JsonNode t = submitted("short_lived");
        String metaId = t.path("meta_template_id").asText();

        assertThat(api.delete("/templates/" + t.path("id").asText()).status()).isEqualTo(204);

        RecordingGraphServer.Call call = callsTo("DELETE", "/" + WABA + "/message_templates").getLast();
        assertThat(call.query()).isEqualTo("name=short_lived&hsm_id=" + metaId);
        assertThat(graph.templates().find("short_lived", "en_US")).isEmpty();
        assertThat(api.get("/templates/" + t.path("id").asText()).status()).isEqualTo(404);
    }

    @Test
    void aDraftIsDeletedWithoutAskingMeta() {
        String id = TemplateFixtures.created(api, "never_sent").path("id").asText();
        int deletesBefore = callsTo("DELETE", "/message_templates").size();

        assertThat(api.delete("/templates/" + id).status()).isEqualTo(204);

        assertThat(callsTo("DELETE", "/message_templates")).hasSize(deletesBefore);
        assertThat(stack.count("SELECT COUNT(*) FROM templates WHERE id = '" + id + "'")).isZero();
    }

    @Test
    void syncBringsInEveryPageOfMetasTemplatesAndUpdatesOurs() {
        String waba = "203300440055";
        ApiClient other = otherOrganisation("Sync Co", "5554440000099", waba);
        for (int i = 0; i < 101; i++) {
            graph.templates().add(waba, "made_at_meta_" + i, "en", "MARKETING", "APPROVED", "Offer " + i);
        }
        String ours = other.post("/templates", TemplateFixtures.orderUpdate("ours")).body().path("id").asText();
        String metaId = other.post("/templates/" + ours + "/submit", "{}").body().path("meta_template_id").asText();
        graph.templates().review(metaId, "APPROVED", null);

        ApiClient.Response synced = other.post("/templates/sync", "{}");

        assertThat(synced.status()).isEqualTo(200);
        assertThat(synced.body().path("created").asInt()).isEqualTo(101);
        assertThat(synced.body().path("updated").asInt()).isEqualTo(1);
        assertThat(other.get("/templates/" + ours).body().path("status").asText()).isEqualTo("APPROVED");
        JsonNode made = other.get("/templates").body();
        assertThat(made).hasSize(102);
        assertThat(made).filteredOn(t -> t.path("name").asText().equals("made_at_meta_7")).singleElement()
                .satisfies(t -> {
                    assertThat(t.path("status").asText()).isEqualTo("APPROVED");
                    assertThat(t.path("components").get(0).path("text").asText()).isEqualTo("Offer 7");
                });
        List<RecordingGraphServer.Call> pages = callsTo("GET", "/" + waba + "/message_templates");
        assertThat(pages).hasSize(2);
        assertThat(pages.get(1).query()).contains("after=100");
        assertThat(api.get("/templates").body()).noneMatch(t -> t.path("name").asText().startsWith("made_at_meta_"));
    }

    @Test
    void withoutABusinessAccountIdTemplateCallsSayWhatToSet() {
        ApiClient other = otherOrganisation("No Waba Co", "5554440000098", null);
        String id = TemplateFixtures.created(other, "no_account").path("id").asText();

        ApiClient.Response submit = other.post("/templates/" + id + "/submit", "{}");
        ApiClient.Response sync = other.post("/templates/sync", "{}");

        assertThat(submit.status()).isEqualTo(409);
        assertThat(submit.body().path("error").asText()).contains("business_account_id", "Settings > WhatsApp");
        assertThat(sync.status()).isEqualTo(409);
    }

    @Test
    void aTemplateStatusWebhookUpdatesTheTemplateAndTellsTheConsoles() {
        JsonNode t = submitted("awaiting_review");
        String metaId = t.path("meta_template_id").asText();

        JsonNode event;
        try (EventsClient events = new EventsClient(stack.backend().baseUri(), api.token())) {
            assertThat(stack.post(TemplateFixtures.statusWebhook(WABA, metaId, "awaiting_review", "en_US", "REJECTED",
                    "INVALID_FORMAT"))).isEqualTo(200);
            event = events.await(TemplateOut.EVENT, p -> p.path("id").asText().equals(t.path("id").asText()), WAIT)
                    .path("payload");
        }

        assertThat(event.path("status").asText()).isEqualTo("REJECTED");
        assertThat(event.path("status_reason").asText()).isEqualTo("INVALID_FORMAT");
        assertThat(api.get("/templates/" + t.path("id").asText()).body().path("status").asText())
                .isEqualTo("REJECTED");
        assertThat(stack.count("SELECT COUNT(*) FROM template_status_events WHERE meta_template_id = '" + metaId
                + "'")).isEqualTo(1);
    }

    @Test
    void anotherOrganisationGetsNotFoundForEveryTemplateRoute() {
        String id = TemplateFixtures.created(api, "private_one").path("id").asText();
        ApiClient other = new ApiClient(stack.backend().baseUri());
        other.signUp("Nosy Co", "nosy@nosy.test");

        assertThat(other.get("/templates").body()).isEmpty();
        assertThat(other.get("/templates/" + id).status()).isEqualTo(404);
        assertThat(other.patch("/templates/" + id, "{\"category\":\"MARKETING\"}").status()).isEqualTo(404);
        assertThat(other.post("/templates/" + id + "/submit", "{}").status()).isEqualTo(404);
        assertThat(other.post("/templates/" + id + "/refresh", "{}").status()).isEqualTo(404);
        assertThat(other.delete("/templates/" + id).status()).isEqualTo(404);
        assertThat(api.get("/templates/" + id).body().path("category").asText()).isEqualTo("UTILITY");
    }
}
