package dev.funnel.backend.ctas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.funnel.backend.testing.ApiClient;
import dev.funnel.backend.testing.SoloStack;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The organisation's calls to action through the API, as the console manages them. */
class CtasApiTest {

    private static SoloStack stack;
    private static ApiClient api;

    @BeforeAll
    static void start(@TempDir Path dataDir) {
        stack = SoloStack.start(dataDir, "Cta Co", "ctas-secret", "5551112223334", Map.of());
        api = stack.api();
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    private static JsonNode create(String name, String type) {
        ApiClient.Response created = api.post("/ctas", """
                {"name":"%s","cta_type":"%s","description":"Book a free survey","url":"https://sunny.example/book"}"""
                .formatted(name, type));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.body();
    }

    @Test
    void aCreatedCtaIsStoredActiveAuditedAndListed() {
        JsonNode cta = create("site_survey", "booking");

        assertThat(cta.path("cta_type").asText()).isEqualTo("booking");
        assertThat(cta.path("is_active").asBoolean()).isTrue();
        assertThat(cta.path("url").asText()).isEqualTo("https://sunny.example/book");
        assertThat(api.get("/ctas").body()).extracting(c -> c.path("name").asText()).contains("site_survey");
        assertThat(api.get("/ctas/" + cta.path("id").asText()).body().path("description").asText())
                .isEqualTo("Book a free survey");
        assertThat(stack.count("SELECT COUNT(*) FROM audit_log WHERE action = 'cta.created' AND entity_id = '"
                + cta.path("id").asText() + "'")).isEqualTo(1);
    }

    @Test
    void badFieldsAreRefusedNamingEachOne() {
        ApiClient.Response r = api.post("/ctas", """
                {"name":" ","cta_type":"teleport","url":"ftp://files.example/x"}""");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().path("error").asText())
                .contains("name is required", "cta_type must be one of booking, call, demo, visit, payment, link",
                        "url must be an http(s) URL");
    }

    @Test
    void aPatchChangesOnlyTheGivenFieldsAndCanDeactivate() {
        String id = create("call_back", "call").path("id").asText();

        ApiClient.Response patched = api.patch("/ctas/" + id, "{\"is_active\":false,\"description\":\"\"}");

        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.body().path("is_active").asBoolean()).isFalse();
        assertThat(patched.body().path("description").isNull()).isTrue();
        assertThat(patched.body().path("name").asText()).isEqualTo("call_back");
        assertThat(patched.body().path("url").asText()).isEqualTo("https://sunny.example/book");
        assertThat(stack.count("SELECT COUNT(*) FROM ctas WHERE id = '" + id + "' AND is_active = FALSE")).isEqualTo(1);
    }

    @Test
    void aNameTheBotCouldNotTellApartFromAnotherIsAConflict() {
        create("book_demo", "demo");

        ApiClient.Response r = api.post("/ctas", "{\"name\":\"Book Demo\",\"cta_type\":\"demo\"}");

        assertThat(r.status()).isEqualTo(409);
        assertThat(r.body().path("error").asText()).contains("book_demo");
    }

    @Test
    void aDeletedCtaIsGone() {
        String id = create("pay_now", "payment").path("id").asText();

        assertThat(api.delete("/ctas/" + id).status()).isEqualTo(204);

        assertThat(api.get("/ctas/" + id).status()).isEqualTo(404);
        assertThat(stack.count("SELECT COUNT(*) FROM audit_log WHERE action = 'cta.deleted'")).isEqualTo(1);
    }

    @Test
    void anotherOrganisationGetsNotFoundForEveryCtaRoute() {
        String id = create("visit_showroom", "visit").path("id").asText();
        ApiClient other = new ApiClient(stack.backend().baseUri());
        other.signUp("Other Cta Co", "other@othercta.test");

        assertThat(other.get("/ctas").body()).isEmpty();
        assertThat(other.get("/ctas/" + id).status()).isEqualTo(404);
        assertThat(other.patch("/ctas/" + id, "{\"name\":\"mine\"}").status()).isEqualTo(404);
        assertThat(other.delete("/ctas/" + id).status()).isEqualTo(404);
        assertThat(api.get("/ctas/" + id).body().path("name").asText()).isEqualTo("visit_showroom");
    }
}
