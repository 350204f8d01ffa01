package dev.funnel.backend.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.funnel.backend.auth.PasswordHasher;
import dev.funnel.backend.auth.UserRepository;
import dev.funnel.backend.testing.ApiClient;
import dev.funnel.backend.testing.RecordingGraphServer;
import dev.funnel.backend.testing.SoloServers;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Connecting a WhatsApp number: checked with Meta first, then its status and what to set in Meta's dashboard. */
class WhatsAppSettingsApiTest {

    private static final String VERIFY_TOKEN = "verify-settings-test";

    private static SoloServers servers;

    @BeforeAll
    static void start(@TempDir Path dataDir) {
        servers = SoloServers.start(dataDir, "settings-secret", Map.of("WHATSAPP_VERIFY_TOKEN", VERIFY_TOKEN));
    }

    @AfterAll
    static void stop() {
        servers.close();
    }

    private static ApiClient signedUp(String organisation) {
        ApiClient api = new ApiClient(servers.backend().baseUri());
        api.signUp(organisation, organisation.toLowerCase().replace(' ', '.') + "@settings.test");
        return api;
    }

    private static int count(String sql) {
        return servers.backend().db().inTransaction(tx -> tx.queryOne(sql, rs -> rs.getInt(1)).orElseThrow());
    }

    private static ApiClient.Response connect(ApiClient api, String phoneNumberId, String token) {
        return api.put("/settings/whatsapp", """
                {"phone_number_id":"%s","access_token":"%s","business_account_id":"102290129340398"}"""
                .formatted(phoneNumberId, token));
    }

    @Test
    void connectingAsksMetaAboutTheNumberWithTheTokenAndStoresItsDisplayNumber() {
        ApiClient api = signedUp("Check Co");

        ApiClient.Response connected = connect(api, "5553000000001", "EAAG-check");

        assertThat(connected.status()).isEqualTo(200);
        RecordingGraphServer.Call lookup = servers.graph().calls().stream()
                .filter(c -> c.path().equals("/v24.0/5553000000001")).findFirst().orElseThrow();
        assertThat(lookup.method()).isEqualTo("GET");
        assertThat(lookup.query()).contains("fields=display_phone_number,verified_name");
        assertThat(lookup.authorization()).isEqualTo("Bearer EAAG-check");
        JsonNode status = api.get("/settings/whatsapp").body();
        assertThat(status.path("connected").asBoolean()).isTrue();
        assertThat(status.path("display_phone_number").asText())
                .isEqualTo(RecordingGraphServer.displayNumberOf("5553000000001"));
        assertThat(status.path("business_account_id").asText()).isEqualTo("102290129340398");
        assertThat(status.toString()).doesNotContain("EAAG-check");
    }

    @Test
    void aTokenMetaRefusesIsA400WithMetasReasonAndNothingIsStored() {
        ApiClient api = signedUp("Refused Co");
        servers.graph().failNext("GET", "/5553000000002", 401, """
                {"error":{"message":"Error validating access token: Session has expired on Tuesday, 01-Jul-25.",
                 "type":"OAuthException","code":190,"error_subcode":463,"fbtrace_id":"AbC1"}}""");

        ApiClient.Response refused = connect(api, "5553000000002", "EAAG-expired");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("error").asText()).contains("Session has expired", "190");
        assertThat(api.get("/settings/whatsapp").body().path("connected").asBoolean()).isFalse();
        assertThat(count("SELECT COUNT(*) FROM whatsapp_integrations WHERE phone_number_id = '5553000000002'"))
                .isZero();
    }

    @Test
    void metaUnreachableIsA502AndNothingIsStored() {
        ApiClient api = signedUp("Outage Co");
        servers.graph().failNext("GET", "/5553000000003", 503, """
                {"error":{"message":"Service temporarily unavailable","type":"OAuthException","code":2}}""");

        ApiClient.Response failed = connect(api, "5553000000003", "EAAG-outage");

        assertThat(failed.status()).isEqualTo(502);
        assertThat(failed.body().path("error").asText()).contains("Service temporarily unavailable");
        assertThat(api.get("/settings/whatsapp").body().path("status").asText()).isEqualTo("not_connected");
    }

    @Test
    void aBusinessAccountIdThatIsNotMetasNumericIdIsRefusedBeforeAskingMeta() {
        ApiClient api = signedUp("Typo Co");
        int callsBefore = servers.graph().calls().size();

        ApiClient.Response r = api.put("/settings/whatsapp", """
                {"phone_number_id":"12ab","access_token":"","business_account_id":"my-waba"}""");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().path("error").asText())
                .contains("phone_number_id", "access_token is required", "business_account_id");
        assertThat(servers.graph().calls()).hasSize(callsBefore);
    }

    @Test
    void withoutANumberTheStatusSaysWhatToDo() {
        JsonNode status = signedUp("Empty Co").get("/settings/whatsapp").body();

        assertThat(status.path("connected").asBoolean()).isFalse();
        assertThat(status.path("status_reason").asText()).contains("phone number id and access token");
    }

    @Test
    void theConfigTellsAnAdminTheWebhookPathVerifyTokenAndFields() {
        JsonNode config = signedUp("Config Co").get("/settings/whatsapp/config").body();

        assertThat(config.path("callback_path").asText()).isEqualTo("/webhook");
        assertThat(config.path("verify_token").asText()).isEqualTo(VERIFY_TOKEN);
        assertThat(config.path("webhook_fields")).extracting(JsonNode::asText)
                .containsExactly("messages", "message_template_status_update");
    }

    @Test
    void anAgentMayNotSeeTheVerifyToken() {
        ApiClient admin = signedUp("Agents Co");
        UUID org = UUID.fromString(admin.get("/auth/me").body().path("organisation").path("id").asText());
        servers.backend().db().inTransaction(tx -> new UserRepository().create(tx, org, "Arjun Agent",
                "agent@agents.test", new PasswordHasher().hash("agent-pass-1"), "agent", Instant.now()));
        ApiClient agent = new ApiClient(servers.backend().baseUri());
        agent.logIn("agent@agents.test", "agent-pass-1");

        ApiClient.Response r = agent.get("/settings/whatsapp/config");

        assertThat(r.status()).isEqualTo(403);
        assertThat(r.body().toString()).doesNotContain(VERIFY_TOKEN);
    }

    @Test
    void disconnectingRemovesTheNumber() {
        ApiClient api = signedUp("Leaving Co");
        connect(api, "5553000000004", "EAAG-leaving");

        assertThat(api.delete("/settings/whatsapp").status()).isEqualTo(204);

        assertThat(api.get("/settings/whatsapp").body().path("connected").asBoolean()).isFalse();
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE action = 'whatsapp.disconnected'")).isEqualTo(1);
    }
}
