package dev.funnel.backend.testing;

import dev.funnel.backend.RunningBackend;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * A solo backend wired to a scripted model and a recording Graph API on loopback, with one
 * organisation signed up, its WhatsApp number connected and its model set: the whole product path
 * for tests that post webhooks and look at what came out.
 */
public record SoloStack(SoloServers servers, ApiClient api, String appSecret, String phoneNumberId)
        implements AutoCloseable {

    /** The WhatsApp business account the number belongs to (template webhooks are routed by it). */
    public static final String BUSINESS_ACCOUNT_ID = "102290129340398";

    /** {@code environment} adds to or overrides the backend's defaults (e.g. FUNNEL_DEBOUNCE_MS). */
    public static SoloStack start(Path dataDir, String business, String appSecret, String phoneNumberId,
                                  Map<String, String> environment) {
        SoloServers servers = SoloServers.start(dataDir, appSecret, environment);
        RunningBackend backend = servers.backend();
        ApiClient api = new ApiClient(backend.baseUri());
        api.signUp(business, "ops@" + business.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]", "") + ".test");
        api.put("/settings/whatsapp", """
                {"phone_number_id":"%s","access_token":"EAAG-test","business_account_id":"%s"}"""
                .formatted(phoneNumberId, BUSINESS_ACCOUNT_ID));
        api.put("/settings/llm", "{\"base_url\":\"%s\",\"model\":\"m\",\"api_key\":\"k\"}"
                .formatted(servers.llm().baseUrl()));
        return new SoloStack(servers, api, appSecret, phoneNumberId);
    }

    public ScriptedLlmServer llm() {
        return servers.llm();
    }

    public RecordingGraphServer graph() {
        return servers.graph();
    }

    public RunningBackend backend() {
        return servers.backend();
    }

    public URI webhookUrl() {
        return backend().baseUri().resolve("/webhook");
    }

    /** Posts a signed webhook body to the backend's own {@code /webhook}; returns the HTTP status. */
    public int post(byte[] body) {
        return Webhooks.postSigned(webhookUrl(), appSecret, body);
    }

    /** A lead's text message, written a minute ago, posted signed. */
    public int postText(String from, String waMessageId, String text) {
        return post(Webhooks.text(phoneNumberId, from, waMessageId, Webhooks.aMinuteAgo(), text));
    }

    /** The first column of the first row, as text; null when there is no row. */
    public String text(String sql) {
        return backend().db().inTransaction(tx -> tx.queryOne(sql, rs -> rs.getString(1))).orElse(null);
    }

    public int count(String sql) {
        return backend().db().inTransaction(tx -> tx.queryOne(sql, rs -> rs.getInt(1)).orElseThrow());
    }

    @Override
    public void close() {
        servers.close();
    }
}
