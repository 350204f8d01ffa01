package dev.funnel.backend.users;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.funnel.backend.RunningBackend;
import dev.funnel.backend.testing.ApiClient;
import dev.funnel.backend.testing.SoloBackend;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The people of an organisation through {@code /users}: roles, their own account, the last admin, other organisations. */
class UsersApiTest {

    private static final AtomicInteger ORGS = new AtomicInteger();
    private static RunningBackend backend;

    /** An organisation with its admin and one agent who joined by invite code. */
    private record Team(ApiClient admin, String adminId, ApiClient agent, String agentId, String agentEmail) {
    }

    @BeforeAll
    static void start(@TempDir Path dataDir) {
        backend = SoloBackend.start(dataDir, Map.of());
    }

    @AfterAll
    static void stop() {
        backend.stop();
    }

    @Test
    void everyoneSeesTheirOrganisationsUsersOldestFirst() {
        Team team = team();

        JsonNode users = team.agent().get("/users").body();

        assertThat(users.valueStream().map(u -> u.path("role").asText()).toList()).containsExactly("admin", "agent");
        assertThat(users.get(1).path("email").asText()).isEqualTo(team.agentEmail());
        assertThat(users.get(1).path("is_active").asBoolean()).isTrue();
    }

    @Test
    void theUserListPagesWithLimitAndOffset() {
        Team team = team();

        JsonNode second = team.admin().get("/users?limit=1&offset=1").body();

        assertThat(second).hasSize(1);
        assertThat(second.get(0).path("id").asText()).isEqualTo(team.agentId());
    }

    @Test
    void aUserOfAnotherOrganisationIsNotFound() {
        Team first = team();
        Team other = team();

        assertThat(other.admin().get("/users/" + first.agentId()).status()).isEqualTo(404);
        assertThat(other.admin().patch("/users/" + first.agentId(), "{\"name\":\"Hijacked\"}").status()).isEqualTo(404);
        assertThat(other.admin().delete("/users/" + first.agentId()).status()).isEqualTo(404);
        assertThat(ids(other.admin().get("/users").body())).doesNotContain(first.agentId(), first.adminId());
        assertThat(first.admin().get("/users/" + first.agentId()).body().path("name").asText()).isEqualTo("Ravi Agent");
    }

    @Test
    void anAgentCannotChangeAnotherPersonsAccount() {
        Team team = team();

        ApiClient.Response r = team.agent().patch("/users/" + team.adminId(), "{\"name\":\"Not Asha\"}");

        assertThat(r.status()).isEqualTo(403);
        assertThat(r.body().path("error").asText()).startsWith("Only an admin can change another person's account");
    }

    @Test
    void anAgentCannotMakeThemselvesAnAdmin() {
        Team team = team();

        ApiClient.Response r = team.agent().patch("/users/" + team.agentId(), "{\"role\":\"admin\"}");

        assertThat(r.status()).isEqualTo(403);
        assertThat(team.admin().get("/users/" + team.agentId()).body().path("role").asText()).isEqualTo("agent");
    }

    @Test
    void agentsAreRefusedEveryAdminOnlyRoute() {
        Team team = team();
        ApiClient agent = team.agent();

        List<ApiClient.Response> refused = List.of(
                agent.put("/prompts/analyze", "{\"text\":\"x\"}"),
                agent.delete("/prompts/analyze"),
                agent.put("/settings/llm", "{\"base_url\":\"http://127.0.0.1:1/v1\",\"model\":\"m\"}"),
                agent.put("/settings/whatsapp", "{\"phone_number_id\":\"123456789\",\"access_token\":\"t\"}"),
                agent.delete("/settings/whatsapp"),
                agent.patch("/organisation", "{\"tone\":\"grumpy\"}"),
                agent.post("/organisation/invite-code", "{}"),
                agent.get("/audit-log"),
                agent.delete("/users/" + team.adminId()));

        assertThat(refused).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(403);
            assertThat(r.body().path("error").asText()).startsWith("Only an admin can");
        });
    }

    @Test
    void anAgentChangesTheirOwnNameAndPasswordWithTheCurrentPassword() {
        Team team = team();

        ApiClient.Response r = team.agent().patch("/users/" + team.agentId(), """
                {"name":"Ravi K","password":"new-password-9","current_password":"correct-horse-2"}""");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().path("name").asText()).isEqualTo("Ravi K");
        assertThat(new ApiClient(backend.baseUri()).logIn(team.agentEmail(), "new-password-9").status()).isEqualTo(200);
    }

    @Test
    void aNewPasswordNeedsTheRightCurrentPassword() {
        Team team = team();

        ApiClient.Response r = team.agent().patch("/users/" + team.agentId(), """
                {"password":"new-password-9","current_password":"a-wrong-guess"}""");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.fields()).containsExactly("current_password");
        assertThat(new ApiClient(backend.baseUri()).logIn(team.agentEmail(), "correct-horse-2").status()).isEqualTo(200);
    }

    @Test
    void aPromotionTakesEffectOnThePersonsCurrentSession() {
        Team team = team();

        assertThat(team.admin().patch("/users/" + team.agentId(), "{\"role\":\"admin\"}").status()).isEqualTo(200);

        assertThat(team.agent().get("/audit-log").status()).isEqualTo(200);
    }

    @Test
    void theLastActiveAdminCannotBeDemoted() {
        Team team = team();

        ApiClient.Response r = team.admin().patch("/users/" + team.adminId(), "{\"role\":\"agent\"}");

        assertThat(r.status()).isEqualTo(409);
        assertThat(r.body().path("error").asText()).contains("last active admin");
        assertThat(team.admin().get("/users/" + team.adminId()).body().path("role").asText()).isEqualTo("admin");
    }

    @Test
    void anAdminMayStepDownOnceAnotherAdminExists() {
        Team team = team();
        team.admin().patch("/users/" + team.agentId(), "{\"role\":\"admin\"}");

        ApiClient.Response r = team.admin().patch("/users/" + team.adminId(), "{\"role\":\"agent\"}");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().path("role").asText()).isEqualTo("agent");
    }

    @Test
    void anAdminCannotDeleteThemselves() {
        Team team = team();

        ApiClient.Response r = team.admin().delete("/users/" + team.adminId());

        assertThat(r.status()).isEqualTo(409);
        assertThat(team.admin().get("/users/" + team.adminId()).status()).isEqualTo(200);
    }

    @Test
    void aDeletedPersonIsGoneAndTheirSessionEnds() {
        Team team = team();

        assertThat(team.admin().delete("/users/" + team.agentId()).status()).isEqualTo(204);

        assertThat(team.admin().get("/users/" + team.agentId()).status()).isEqualTo(404);
        assertThat(team.agent().get("/users").status()).isEqualTo(401);
    }

    @Test
    void aDeactivatedPersonsSessionEnds() {
        Team team = team();

        ApiClient.Response r = team.admin().patch("/users/" + team.agentId(), "{\"is_active\":false}");

        assertThat(r.body().path("is_active").asBoolean()).isFalse();
        assertThat(team.agent().get("/users").status()).isEqualTo(401);
    }

    @Test
    void anInvalidUpdateNamesItsFields() {
        Team team = team();

        ApiClient.Response r = team.admin().patch("/users/" + team.agentId(), "{\"name\":\" \",\"role\":\"owner\"}");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.fields()).containsExactly("name", "role");
    }

    private static Team team() {
        int n = ORGS.incrementAndGet();
        ApiClient admin = new ApiClient(backend.baseUri());
        String adminId = admin.signUp("Team " + n, "asha" + n + "@users.test").path("user").path("id").asText();
        String code = admin.inviteCode();
        ApiClient agent = new ApiClient(backend.baseUri());
        String agentEmail = "ravi" + n + "@users.test";
        String agentId = agent.join(code, "Ravi Agent", agentEmail).path("user").path("id").asText();
        return new Team(admin, adminId, agent, agentId, agentEmail);
    }

    private static List<String> ids(JsonNode users) {
        return users.valueStream().map(u -> u.path("id").asText()).toList();
    }
}
