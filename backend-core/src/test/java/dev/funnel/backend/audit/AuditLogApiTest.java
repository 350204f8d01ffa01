package dev.funnel.backend.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.funnel.backend.RunningBackend;
import dev.funnel.backend.testing.ApiClient;
import dev.funnel.backend.testing.SoloBackend;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /audit-log}: who did what, when, for the organisation's admins and no one else. */
class AuditLogApiTest {

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
    void eachChangeIsRecordedWithWhoDidItAndWhatChanged() {
        ApiClient admin = organisation();
        String adminId = admin.get("/auth/me").body().path("user").path("id").asText();
        String agentId = agentJoins(admin, "Ravi", "ravi" + ORGS.get() + "@audit.test");
        admin.patch("/users/" + agentId, "{\"role\":\"admin\"}");
        admin.patch("/organisation", "{\"max_words\":60}");
        admin.post("/organisation/invite-code", "{}");

        JsonNode entries = admin.get("/audit-log").body();

        assertThat(actions(entries)).containsExactly("invite_code.rotate", "organisation.update", "user.update",
                "user.join", "organisation.created");
        JsonNode promotion = entries.get(2);
        assertThat(promotion.path("user_id").asText()).isEqualTo(adminId);
        assertThat(promotion.path("user_name").asText()).isEqualTo("Asha Admin");
        assertThat(promotion.path("entity_type").asText()).isEqualTo("user");
        assertThat(promotion.path("entity_id").asText()).isEqualTo(agentId);
        assertThat(promotion.path("details").path("role").asText()).isEqualTo("admin");
        assertThat(entries.get(1).path("details").path("max_words").asInt()).isEqualTo(60);
        assertThat(Instant.parse(promotion.path("created_at").asText())).isBeforeOrEqualTo(Instant.now());
    }

    @Test
    void aDeletedPersonsEntriesKeepTheirName() {
        ApiClient admin = organisation();
        String agentId = agentJoins(admin, "Ravi Gone", "gone" + ORGS.get() + "@audit.test");

        admin.delete("/users/" + agentId);

        JsonNode join = admin.get("/audit-log?action=user.join").body().get(0);
        assertThat(join.path("user_name").asText()).isEqualTo("Ravi Gone");
        assertThat(join.path("user_id").isNull()).isTrue();
        JsonNode deletion = admin.get("/audit-log?action=user.delete").body().get(0);
        assertThat(deletion.path("details").path("email").asText()).isEqualTo("gone" + ORGS.get() + "@audit.test");
    }

    @Test
    void entriesFilterByActionUserAndTime() {
        ApiClient admin = organisation();
        String adminId = admin.get("/auth/me").body().path("user").path("id").asText();
        String agentId = agentJoins(admin, "Ravi", "ravi" + ORGS.get() + "@audit.test");
        Instant between = Instant.now();
        admin.patch("/organisation", "{\"tone\":\"warm\"}");

        assertThat(actions(admin.get("/audit-log?action=organisation.update").body()))
                .containsExactly("organisation.update");
        assertThat(actions(admin.get("/audit-log?user_id=" + agentId).body())).containsExactly("user.join");
        assertThat(actions(admin.get("/audit-log?from=" + between).body())).containsExactly("organisation.update");
        assertThat(actions(admin.get("/audit-log?to=" + between + "&user_id=" + adminId).body()))
                .containsExactly("organisation.created");
        assertThat(actions(admin.get("/audit-log?limit=1&offset=1").body())).containsExactly("user.join");
    }

    @Test
    void anotherOrganisationsAdminNeverSeesItsEntries() {
        ApiClient first = organisation();
        first.patch("/organisation", "{\"tone\":\"secretive\"}");
        String firstOrg = first.get("/auth/me").body().path("organisation").path("id").asText();
        ApiClient other = organisation();

        JsonNode entries = other.get("/audit-log?limit=500").body();

        assertThat(actions(entries)).containsExactly("organisation.created");
        assertThat(entries.get(0).path("entity_id").asText()).isNotEqualTo(firstOrg);
    }

    @Test
    void aBadFilterIsA400NamingIt() {
        ApiClient admin = organisation();

        ApiClient.Response r = admin.get("/audit-log?from=yesterday");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.fields()).containsExactly("from");
    }

    private static ApiClient organisation() {
        int n = ORGS.incrementAndGet();
        return ApiClient.admin(backend.baseUri(), "Audit " + n, "asha" + n + "@audit.test");
    }

    /** An agent joins the admin's organisation; returns the agent's id. */
    private static String agentJoins(ApiClient admin, String name, String email) {
        return new ApiClient(backend.baseUri()).join(admin.inviteCode(), name, email).path("user").path("id").asText();
    }

    private static List<String> actions(JsonNode entries) {
        return entries.valueStream().map(e -> e.path("action").asText()).toList();
    }
}
