package dev.funnel.backend.leads;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.funnel.backend.RunningBackend;
import dev.funnel.backend.testing.ApiClient;
import dev.funnel.backend.testing.ConnectedOrganisations;
import dev.funnel.backend.testing.Waits;
import dev.funnel.backend.testing.Webhooks;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The leads routes through the real backend, each test in an organisation of its own. */
class LeadsApiTest {

    private static final String APP_SECRET = "leads-secret";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static ConnectedOrganisations organisations;
    private static RunningBackend backend;

    @BeforeAll
    static void start(@TempDir Path dataDir) {
        // no model configured: a lead's message is stored and flagged for a person, nothing else
        organisations = ConnectedOrganisations.start(dataDir, APP_SECRET, "55504");
        backend = organisations.backend();
    }

    @AfterAll
    static void stop() {
        organisations.close();
    }

    @Test
    void aNewLeadsPhoneIsKeptAsWhatsAppWritesIt() {
        ApiClient api = newOrganisation();

        ApiClient.Response created = api.post("/leads", """
                {"phone":"+91 (98) 7654-3210","name":" Asha ","email":"asha@rao.test"}""");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().path("phone").asText()).isEqualTo("919876543210");
        assertThat(created.body().path("name").asText()).isEqualTo("Asha");
        assertThat(created.body().path("stage").asText()).isEqualTo("greeting");
        assertThat(created.body().path("company").isNull()).isTrue();
        assertThat(api.get("/leads/" + created.body().path("id").asText()).body()).isEqualTo(created.body());
    }

    @Test
    void aPhoneAlreadyALeadIsAConflictNamingIt() {
        ApiClient api = newOrganisation();
        api.post("/leads", "{\"phone\":\"+14155550123\"}");

        ApiClient.Response again = api.post("/leads", "{\"phone\":\"0014155550123\",\"name\":\"Other\"}");

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().path("error").asText()).contains("14155550123");
    }

    @Test
    void everyInvalidFieldIsNamedInOneAnswer() {
        ApiClient api = newOrganisation();

        ApiClient.Response bad = api.post("/leads", """
                {"phone":"12-34","email":"not-an-address","company":"%s"}""".formatted("x".repeat(201)));
        ApiClient.Response missing = api.post("/leads", "{\"name\":\"No phone\"}");

        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().path("error").asText()).contains("phone", "email", "company");
        assertThat(missing.body().path("error").asText()).isEqualTo("phone is required");
    }

    @Test
    void theListFiltersByStateAndSearchesCaseInsensitively() {
        ApiClient api = newOrganisation();
        String asha = id(api.post("/leads", "{\"phone\":\"919800000001\",\"name\":\"Asha Rao\"}"));
        String ben = id(api.post("/leads", "{\"phone\":\"447700900123\",\"company\":\"ACME Widgets\"}"));
        api.patch("/leads/" + ben, "{\"stage\":\"pricing\",\"intent_level\":\"High\",\"sentiment\":\"curious\"}");

        assertThat(ids(api.get("/leads?q=rao"))).containsExactly(asha);
        assertThat(ids(api.get("/leads?q=widgets"))).containsExactly(ben);
        assertThat(ids(api.get("/leads?q=%2B44%207700"))).containsExactly(ben);
        assertThat(ids(api.get("/leads?stage=pricing&intent_level=high&sentiment=curious"))).containsExactly(ben);
        assertThat(ids(api.get("/leads?stage=greeting"))).containsExactly(asha);
        assertThat(api.get("/leads?stage=nowhere&intent_level=huge").body().path("error").asText())
                .contains("stage must be one of", "intent_level must be one of");
    }

    @Test
    void theListIsPagedMostRecentlyChangedFirstWithTheTotal() {
        ApiClient api = newOrganisation();
        String first = id(api.post("/leads", "{\"phone\":\"919800000011\"}"));
        String second = id(api.post("/leads", "{\"phone\":\"919800000012\"}"));
        String third = id(api.post("/leads", "{\"phone\":\"919800000013\"}"));
        api.patch("/leads/" + first, "{\"name\":\"Touched last\"}");

        JsonNode page1 = api.get("/leads?limit=2").body();
        JsonNode page2 = api.get("/leads?limit=2&offset=2").body();

        assertThat(ids(page1)).containsExactly(first, third);
        assertThat(ids(page2)).containsExactly(second);
        assertThat(page1.path("total").asInt()).isEqualTo(3);
        assertThat(api.get("/leads?offset=-1").status()).isEqualTo(400);
    }

    @Test
    void aPatchSetsWhatItNamesClearsNullsAndRefusesTheRest() {
        ApiClient api = newOrganisation();
        String id = id(api.post("/leads", "{\"phone\":\"919800000021\",\"name\":\"Old\",\"email\":\"o@x.test\"}"));

        JsonNode updated = api.patch("/leads/" + id, "{\"name\":\"New\",\"email\":null,\"stage\":\"won\"}").body();
        ApiClient.Response refused = api.patch("/leads/" + id, "{\"phone\":\"1\",\"stage\":null,\"sentiment\":\"meh\"}");

        assertThat(updated.path("name").asText()).isEqualTo("New");
        assertThat(updated.path("email").isNull()).isTrue();
        assertThat(updated.path("stage").asText()).isEqualTo("closed");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("error").asText()).contains("phone cannot be changed", "stage cannot be empty",
                "sentiment must be one of");
        assertThat(api.patch("/leads/" + id, "{}").status()).isEqualTo(400);
    }

    @Test
    void changesAreAuditedInTheSameTransaction() {
        ApiClient api = newOrganisation();
        String id = id(api.post("/leads", "{\"phone\":\"919800000031\"}"));
        api.patch("/leads/" + id, "{\"company\":\"Rao\"}");
        api.delete("/leads/" + id);

        List<String> actions = backend.db().inTransaction(tx -> tx.query(
                "SELECT action FROM audit_log WHERE entity_id = ? ORDER BY created_at", rs -> rs.getString(1), id));

        assertThat(actions).containsExactly("lead.create", "lead.update", "lead.delete");
    }

    @Test
    void aLeadsStageChangeMovesItsConversationAndItsDeletionTakesTheConversation() {
        ApiClient api = newOrganisation();
        leadWrites(api, "919800000041", "Hello there");
        String conversation = api.get("/conversations").body().get(0).path("id").asText();
        JsonNode lead = api.get("/leads?q=919800000041").body().path("items").get(0);

        api.patch("/leads/" + lead.path("id").asText(), "{\"stage\":\"qualification\"}");
        String stage = api.get("/conversations").body().get(0).path("stage").asText();
        ApiClient.Response deleted = api.delete("/leads/" + lead.path("id").asText());

        assertThat(lead.path("conversation_id").asText()).isEqualTo(conversation);
        assertThat(stage).isEqualTo("qualification");
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(api.get("/conversations").body()).isEmpty();
        assertThat(api.get("/conversations/" + conversation + "/messages").status()).isEqualTo(404);
    }

    @Test
    void anImportedLeadIsTheOneItsFirstWhatsAppMessageFinds() {
        ApiClient api = newOrganisation();
        api.post("/leads/import", "text/csv", "phone,name\n+91 98000 00051,Imported Name\n");

        leadWrites(api, "919800000051", "Hi, it's me");

        JsonNode leads = api.get("/leads").body();
        assertThat(leads.path("total").asInt()).isEqualTo(1);
        assertThat(leads.path("items").get(0).path("name").asText()).isEqualTo("Imported Name");
        assertThat(leads.path("items").get(0).path("conversation_id").isNull()).isFalse();
    }

    @Test
    void anImportAddsGoodRowsAndReportsEachBadRowWithItsProblems() {
        ApiClient api = newOrganisation();
        String csv = """
                Name,PHONE,Email,Company,notes
                Asha,+91 98000 00061,asha@rao.test,Rao,ignored
                No Phone,,x@y.test,,
                Bad,12,not-mail,,
                "Ben, Jr.",447700900061,,"Quote ""Co""\",

                Asha again,919800000061,,Filled Later Co,
                """;

        ApiClient.Response result = api.post("/leads/import", "text/csv", csv);

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.body().path("imported").asInt()).isEqualTo(2);
        assertThat(result.body().path("updated").asInt()).isEqualTo(0);
        assertThat(result.body().path("unchanged").asInt()).isEqualTo(1);
        JsonNode failed = result.body().path("failed");
        assertThat(failed).hasSize(2);
        assertThat(failed.get(0).path("row").asInt()).isEqualTo(3);
        assertThat(failed.get(0).path("errors").get(0).asText()).isEqualTo("phone is required");
        assertThat(failed.get(1).path("row").asInt()).isEqualTo(4);
        assertThat(failed.get(1).path("errors")).hasSize(2);
        JsonNode ben = api.get("/leads?q=ben").body().path("items").get(0);
        assertThat(ben.path("name").asText()).isEqualTo("Ben, Jr.");
        assertThat(ben.path("company").asText()).isEqualTo("Quote \"Co\"");
    }

    @Test
    void anImportFillsEmptyFieldsOfKnownLeadsAndNeverOverwrites() {
        ApiClient api = newOrganisation();
        api.post("/leads", "{\"phone\":\"919800000071\",\"name\":\"Kept\"}");

        JsonNode result = api.post("/leads/import", "text/csv",
                "phone,name,email\n919800000071,Replaced?,kept@x.test\n").body();

        JsonNode lead = api.get("/leads").body().path("items").get(0);
        assertThat(result.path("updated").asInt()).isEqualTo(1);
        assertThat(lead.path("name").asText()).isEqualTo("Kept");
        assertThat(lead.path("email").asText()).isEqualTo("kept@x.test");
    }

    @Test
    void anImportWithoutAPhoneColumnOrAsTheWrongTypeOrTooLargeIsRefusedWhole() {
        ApiClient api = newOrganisation();

        ApiClient.Response noPhone = api.post("/leads/import", "text/csv", "name,email\nAsha,a@b.test\n");
        ApiClient.Response json = api.post("/leads/import", "application/json", "{}");
        ApiClient.Response huge = api.post("/leads/import", "text/csv",
                "phone,name\n" + ("919800000081," + "x".repeat(100) + "\n").repeat(60_000));
        ApiClient.Response broken = api.post("/leads/import", "text/csv", "phone,name\n919800000082,\"open quote\n");

        assertThat(noPhone.status()).isEqualTo(400);
        assertThat(noPhone.body().path("error").asText()).contains("'phone' column");
        assertThat(json.status()).isEqualTo(415);
        assertThat(huge.status()).isEqualTo(413);
        assertThat(huge.body().path("error").asText()).contains("5 MB");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(api.get("/leads").body().path("total").asInt()).isZero();
    }

    @Test
    void theExportRoundTripsAwkwardTextAndDefusesFormulas() throws IOException {
        ApiClient api = newOrganisation();
        api.post("/leads", """
                {"phone":"919800000091","name":"Rao, \\"Asha\\"\\nSecond line","company":"=HYPERLINK(\\"x\\")"}""");
        api.post("/leads", "{\"phone\":\"919800000092\",\"name\":\"Zoë @home\",\"email\":\"z@x.test\"}");

        ApiClient.RawResponse export = api.getRaw("/leads/export");
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(export.body())).getRecords();
        ApiClient other = newOrganisation();
        JsonNode imported = other.post("/leads/import", "text/csv", export.body()).body();

        assertThat(export.status()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("name")).isEqualTo("Rao, \"Asha\"\nSecond line");
        assertThat(rows.get(0).get("company")).isEqualTo("'=HYPERLINK(\"x\")");
        assertThat(rows.get(0).get("stage")).isEqualTo("greeting");
        assertThat(rows.get(1).get("name")).isEqualTo("Zoë @home");
        assertThat(imported.path("imported").asInt()).isEqualTo(2);
        JsonNode copy = other.get("/leads?q=919800000091").body().path("items").get(0);
        assertThat(copy.path("name").asText()).isEqualTo("Rao, \"Asha\"\nSecond line");
        assertThat(copy.path("company").asText()).isEqualTo("=HYPERLINK(\"x\")");
    }

    @Test
    void anotherOrganisationGetsNothingOfTheLeads() {
        ApiClient owner = newOrganisation();
        String id = id(owner.post("/leads", "{\"phone\":\"919800000101\",\"name\":\"Private\"}"));
        ApiClient stranger = newOrganisation();

        assertThat(stranger.get("/leads/" + id).status()).isEqualTo(404);
        assertThat(stranger.patch("/leads/" + id, "{\"name\":\"Mine\"}").status()).isEqualTo(404);
        assertThat(stranger.delete("/leads/" + id).status()).isEqualTo(404);
        assertThat(stranger.get("/leads").body().path("items")).isEmpty();
        assertThat(stranger.getRaw("/leads/export").body()).doesNotContain("Private");
        assertThat(stranger.post("/leads", "{\"phone\":\"919800000101\"}").status()).isEqualTo(201);
        assertThat(owner.get("/leads/" + id).body().path("name").asText()).isEqualTo("Private");
        assertThat(new ApiClient(backend.baseUri()).get("/leads").status()).isEqualTo(401);
    }

    // --- helpers

    private static ApiClient newOrganisation() {
        return organisations.create();
    }

    /** The lead writes to the organisation's number through the signed webhook; waits for its conversation. */
    private static void leadWrites(ApiClient api, String phone, String text) {
        int before = api.get("/conversations").body().size();
        assertThat(organisations.leadWrites(api, phone, text, Webhooks.aMinuteAgo())).isEqualTo(200);
        Waits.until("the conversation", WAIT, () -> api.get("/conversations").body().size() > before);
    }

    private static String id(ApiClient.Response created) {
        assertThat(created.status()).isEqualTo(201);
        return created.body().path("id").asText();
    }

    private static List<String> ids(ApiClient.Response page) {
        assertThat(page.status()).isEqualTo(200);
        return ids(page.body());
    }

    private static List<String> ids(JsonNode page) {
        return page.path("items").valueStream().map(lead -> lead.path("id").asText()).toList();
    }
}
