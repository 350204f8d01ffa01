package dev.funnel.backend.organisations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.funnel.backend.RunningBackend;
import dev.funnel.backend.testing.ApiClient;
import dev.funnel.backend.testing.SoloBackend;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /organisation}: reading the settings, changing them as an admin, checked field by field. */
class OrganisationApiTest {

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
    void aNewOrganisationShowsItsDefaults() {
        JsonNode org = admin().get("/organisation").body();

        assertThat(org.path("time_zone").asText()).isEqualTo("UTC");
        assertThat(org.path("quiet_hours_start").isNull()).isTrue();
        assertThat(org.path("max_words").asInt()).isEqualTo(80);
        assertThat(org.path("min_confidence").asDouble()).isEqualTo(0.5);
        assertThat(org.path("followup_cadence_minutes").valueStream().map(JsonNode::asInt).toList())
                .containsExactly(10, 180, 360);
        assertThat(org.path("ghosted_after_hours").asInt()).isEqualTo(24);
        assertThat(org.path("invite_code").asText()).hasSize(24);
    }

    @Test
    void anAdminChangesOnlyTheFieldsSent() {
        ApiClient admin = admin();

        JsonNode org = admin.patch("/organisation", """
                {"time_zone":"Asia/Kolkata","quiet_hours_start":"22:00","quiet_hours_end":"08:30",
                 "max_words":40,"min_confidence":0.7,"followup_cadence_minutes":[60,15],"tone":"warm"}""").body();

        assertThat(org.path("time_zone").asText()).isEqualTo("Asia/Kolkata");
        assertThat(org.path("quiet_hours_start").asText()).isEqualTo("22:00");
        assertThat(org.path("quiet_hours_end").asText()).isEqualTo("08:30");
        assertThat(org.path("max_words").asInt()).isEqualTo(40);
        assertThat(org.path("min_confidence").asDouble()).isEqualTo(0.7);
        assertThat(org.path("followup_cadence_minutes").valueStream().map(JsonNode::asInt).toList())
                .containsExactly(15, 60);
        assertThat(org.path("tone").asText()).isEqualTo("warm");
        assertThat(org.path("max_followups_24h").asInt()).isEqualTo(3);
        assertThat(admin.get("/organisation").body()).isEqualTo(org);
    }

    @Test
    void quietHoursAreClearedWithNullForBoth() {
        ApiClient admin = admin();
        admin.patch("/organisation", "{\"quiet_hours_start\":\"22:00\",\"quiet_hours_end\":\"08:00\"}");

        JsonNode org = admin.patch("/organisation", "{\"quiet_hours_start\":null,\"quiet_hours_end\":null}").body();

        assertThat(org.path("quiet_hours_start").isNull()).isTrue();
        assertThat(org.path("quiet_hours_end").isNull()).isTrue();
    }

    @Test
    void quietHoursNeedBothEnds() {
        ApiClient.Response r = admin().patch("/organisation", "{\"quiet_hours_start\":\"22:00\"}");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.fields()).containsExactly("quiet_hours_end");
    }

    @Test
    void everyUnacceptableSettingIsNamed() {
        ApiClient admin = admin();

        ApiClient.Response r = admin.patch("/organisation", """
                {"name":"","time_zone":"Mars/Olympus","quiet_hours_start":"25:00","quiet_hours_end":"8am",
                 "max_followups_24h":-1,"max_followups_total":1000,"max_words":5,"min_confidence":1.5,
                 "followup_cadence_minutes":[10,0],"ghosted_after_hours":0}""");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.fields()).containsExactlyInAnyOrder("name", "time_zone", "quiet_hours_start", "quiet_hours_end",
                "max_followups_24h", "max_followups_total", "max_words", "min_confidence", "followup_cadence_minutes",
                "ghosted_after_hours");
        assertThat(admin.get("/organisation").body().path("max_words").asInt()).isEqualTo(80);
    }

    @Test
    void theGhostCheckMustComeAfterTheLastFollowup() {
        ApiClient.Response r = admin().patch("/organisation",
                "{\"followup_cadence_minutes\":[10,600],\"ghosted_after_hours\":5}");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.fields()).containsExactly("ghosted_after_hours");
    }

    @Test
    void anAgentReadsTheSettingsButNotTheInviteCode() {
        ApiClient admin = admin();
        ApiClient agent = new ApiClient(backend.baseUri());
        agent.join(admin.inviteCode(), "Ravi",
                "ravi" + ORGS.get() + "@org.test");

        JsonNode org = agent.get("/organisation").body();

        assertThat(org.path("name").asText()).startsWith("Shop ");
        assertThat(org.has("invite_code")).isFalse();
    }

    @Test
    void aNewInviteCodeReplacesTheOldOne() {
        ApiClient admin = admin();
        String old = admin.inviteCode();

        String fresh = admin.post("/organisation/invite-code", "{}").body().path("invite_code").asText();

        assertThat(fresh).isNotEqualTo(old).isEqualTo(admin.inviteCode());
        ApiClient.Response withOld = new ApiClient(backend.baseUri()).post("/auth/signup/join", """
                {"invite_code":"%s","name":"Late","email":"late%d@org.test","password":"correct-horse-3"}"""
                .formatted(old, ORGS.get()));
        assertThat(withOld.status()).isEqualTo(400);
    }

    private static ApiClient admin() {
        int n = ORGS.incrementAndGet();
        return ApiClient.admin(backend.baseUri(), "Shop " + n, "asha" + n + "@org.test");
    }
}
