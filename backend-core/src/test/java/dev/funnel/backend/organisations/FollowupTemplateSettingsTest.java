package dev.funnel.backend.organisations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.funnel.backend.RunningBackend;
import dev.funnel.backend.testing.ApiClient;
import dev.funnel.backend.testing.SoloBackend;
import dev.funnel.backend.testing.TemplateFixtures;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The follow-up template of {@code /organisation}: which approved template follow-ups send outside the
 * 24-hour window and where its values come from, checked against the template when it is saved.
 */
class FollowupTemplateSettingsTest {

    private static final AtomicInteger ORGS = new AtomicInteger();
    private static RunningBackend backend;

    @BeforeAll
    static void start(@TempDir Path dataDir) {
        backend = SoloBackend.start(dataDir, Map.of());
    }

    @AfterAll
    static void stop() {
        backend.stop();
    }

    @Test
    void noFollowupTemplateIsChosenAtFirst() {
        JsonNode org = admin().get("/organisation").body();

        assertThat(org.has("followup_template")).isTrue();
        assertThat(org.path("followup_template").isNull()).isTrue();
    }

    @Test
    void anAdminChoosesAnApprovedTemplateAndWhereItsValuesComeFrom() {
        ApiClient admin = admin();
        String id = approved(admin, "order_update");

        ApiClient.Response r = admin.patch("/organisation", choice(id, "[\"lead_name\"]",
                "[\"business_name\",\"custom:Friday\"]", "[\"custom:2001\"]", "\"friend\""));

        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        JsonNode chosen = admin.get("/organisation").body().path("followup_template");
        assertThat(chosen.path("template_id").asText()).isEqualTo(id);
        assertThat(chosen.path("header").valueStream().map(JsonNode::asText)).containsExactly("lead_name");
        assertThat(chosen.path("body").valueStream().map(JsonNode::asText))
                .containsExactly("business_name", "custom:Friday");
        assertThat(chosen.path("buttons").valueStream().map(JsonNode::asText)).containsExactly("custom:2001");
        assertThat(chosen.path("name_fallback").asText()).isEqualTo("friend");
        assertThat(r.body().path("followup_template")).isEqualTo(chosen);
    }

    @Test
    void theNameFallbackIsThereUnlessTheAdminSaysOtherwise() {
        ApiClient admin = admin();
        String id = approved(admin, "order_update");

        JsonNode org = admin.patch("/organisation", """
                {"followup_template":{"template_id":"%s","header":["lead_name"],"body":["lead_name","lead_name"],
                 "buttons":["custom:x"]}}""".formatted(id)).body();

        assertThat(org.path("followup_template").path("name_fallback").asText()).isEqualTo("there");
    }

    @Test
    void nullChoosesNoTemplateAgain() {
        ApiClient admin = admin();
        String id = approved(admin, "order_update");
        admin.patch("/organisation", fitting(id));

        JsonNode org = admin.patch("/organisation", "{\"followup_template\":null}").body();

        assertThat(org.path("followup_template").isNull()).isTrue();
        assertThat(admin.get("/organisation").body().path("followup_template").isNull()).isTrue();
    }

    @Test
    void anUnknownTemplateIsRefusedNamingTheField() {
        ApiClient admin = admin();

        ApiClient.Response r = admin.patch("/organisation", choice(UUID.randomUUID().toString(), "[]", "[]", "[]",
                "\"there\""));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.fields()).containsExactly("followup_template");
        assertThat(r.body().path("error").asText())
                .contains("followup_template.template_id is not a template of this organisation");
    }

    @Test
    void anotherOrganisationsTemplateIsRefusedAsUnknown() {
        String theirs = approved(admin(), "order_update");

        ApiClient.Response r = admin().patch("/organisation", fitting(theirs));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().path("error").asText())
                .contains("followup_template.template_id is not a template of this organisation");
    }

    @Test
    void theSourcesMustMatchTheTemplatesVariablesOneForOne() {
        ApiClient admin = admin();
        String id = approved(admin, "order_update");

        ApiClient.Response r = admin.patch("/organisation", choice(id, "[]", "[\"lead_name\"]", "[]", "\"there\""));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.fields()).containsExactly("followup_template");
        assertThat(r.body().path("error").asText()).contains(
                "followup_template.header needs 1 source(s), one for each variable (0 given)",
                "followup_template.body needs 2 source(s), one for each variable (1 given)",
                "followup_template.buttons needs 1 source(s), one for each URL button ending in {{1}} (0 given)");
        assertThat(admin.get("/organisation").body().path("followup_template").isNull()).isTrue();
    }

    @Test
    void onlyKnownSourcesAreTakenAndAButtonTakesAFixedText() {
        ApiClient admin = admin();
        String id = approved(admin, "order_update");

        ApiClient.Response r = admin.patch("/organisation", choice(id, "[\"lead_email\"]",
                "[\"custom:\",\"business_name\"]", "[\"lead_name\"]", "\"  \""));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().path("error").asText()).contains(
                "followup_template.header[0] must be lead_name, business_name or custom:<text>",
                "followup_template.body[0] must be lead_name, business_name or custom:<text>",
                "followup_template.buttons[0] must be custom:<text>",
                "followup_template.name_fallback must be 1 to 60 characters");
    }

    @Test
    void aTemplateMetaHasNotApprovedIsRefused() {
        ApiClient admin = admin();
        String draft = TemplateFixtures.created(admin, "not_yet").path("id").asText();

        ApiClient.Response r = admin.patch("/organisation", fitting(draft));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().path("error").asText())
                .contains("followup_template.template_id must be an APPROVED template (not_yet is DRAFT)");
    }

    @Test
    void theChoiceIsCheckedOnlyWhenItChangesSoAPausedTemplateDoesNotBlockOtherSettings() {
        ApiClient admin = admin();
        String id = approved(admin, "order_update");
        admin.patch("/organisation", fitting(id));
        backend.db().inTransactionRun(tx -> tx.update("UPDATE templates SET status = 'PAUSED' WHERE id = ?",
                UUID.fromString(id)));

        ApiClient.Response r = admin.patch("/organisation", "{\"tone\":\"warm\"}");
        // as the console sends it: every setting, the unchanged choice among them
        ApiClient.Response whole = admin.patch("/organisation", admin.get("/organisation").body().toString());
        ApiClient.Response changed = admin.patch("/organisation", choice(id, "[\"lead_name\"]",
                "[\"business_name\",\"lead_name\"]", "[\"custom:x\"]", "\"there\""));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().path("followup_template").path("template_id").asText()).isEqualTo(id);
        assertThat(whole.status()).as(whole.body().toString()).isEqualTo(200);
        assertThat(changed.status()).isEqualTo(400);
        assertThat(changed.body().path("error").asText()).contains("order_update is PAUSED");
    }

    @Test
    void anAgentCannotChooseTheFollowupTemplate() {
        ApiClient admin = admin();
        String id = approved(admin, "order_update");
        ApiClient agent = new ApiClient(backend.baseUri());
        agent.join(admin.inviteCode(), "Ravi", "ravi" + ORGS.get() + "@fut.test");

        ApiClient.Response r = agent.patch("/organisation", fitting(id));

        assertThat(r.status()).isEqualTo(403);
        assertThat(admin.get("/organisation").body().path("followup_template").isNull()).isTrue();
    }

    @Test
    void choosingTheTemplateIsAudited() {
        ApiClient admin = admin();
        String id = approved(admin, "order_update");

        admin.patch("/organisation", fitting(id));

        JsonNode entries = admin.get("/audit-log").body();
        assertThat(entries.toString()).contains("followup_template").contains(id);
    }

    /** A choice that fits {@link TemplateFixtures#orderUpdate}: one source for each of its values. */
    private static String fitting(String templateId) {
        return choice(templateId, "[\"lead_name\"]", "[\"lead_name\",\"lead_name\"]", "[\"custom:x\"]",
                "\"there\"");
    }

    private static String choice(String templateId, String header, String body, String buttons, String fallback) {
        return """
                {"followup_template":{"template_id":"%s","header":%s,"body":%s,"buttons":%s,"name_fallback":%s}}"""
                .formatted(templateId, header, body, buttons, fallback);
    }

    /** {@link TemplateFixtures#orderUpdate} as Meta approved it (header {{1}}, body {{1}} {{2}}, a URL {{1}}). */
    private static String approved(ApiClient admin, String name) {
        String id = TemplateFixtures.created(admin, name).path("id").asText();
        backend.db().inTransactionRun(tx -> tx.update("UPDATE templates SET status = 'APPROVED' WHERE id = ?",
                UUID.fromString(id)));
        return id;
    }

    private static ApiClient admin() {
        int n = ORGS.incrementAndGet();
        return ApiClient.admin(backend.baseUri(), "Follow-up Shop " + n, "mira" + n + "@fut.test");
    }
}
