package dev.funnel.backend.testing;

import dev.funnel.backend.RunningBackend;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Organisations signed up one after another on a running backend, each with a WhatsApp number of its
 * own connected (and, when asked, the scripted model set), and their leads writing through the signed
 * webhook: for tests that keep each case in an organisation of its own. It starts and stops the solo
 * backend with its scripted model and recording Graph API ({@link SoloServers}) for them.
 */
public final class ConnectedOrganisations implements AutoCloseable {

    private final SoloServers servers;
    private final RunningBackend backend;
    private final String appSecret;
    private final String numberPrefix;
    private final AtomicInteger created = new AtomicInteger();

    private ConnectedOrganisations(SoloServers servers, String appSecret, String numberPrefix) {
        this.servers = servers;
        this.backend = servers.backend();
        this.appSecret = appSecret;
        this.numberPrefix = numberPrefix;
    }

    /**
     * A solo backend (no debounce) in {@code dataDir}; {@code numberPrefix} keeps this test's phone number
     * ids recognisable in its data.
     */
    public static ConnectedOrganisations start(Path dataDir, String appSecret, String numberPrefix) {
        return new ConnectedOrganisations(SoloServers.start(dataDir, appSecret, Map.of("FUNNEL_DEBOUNCE_MS", "0")),
                appSecret, numberPrefix);
    }

    public RunningBackend backend() {
        return backend;
    }

    public ScriptedLlmServer llm() {
        return servers.llm();
    }

    @Override
    public void close() {
        servers.close();
    }

    /** A new organisation with its number connected and no model: leads' messages are flagged for a person. */
    public ApiClient create() {
        String phoneNumberId = numberPrefix + String.format("%08d", created.incrementAndGet());
        ApiClient api = new ApiClient(backend.baseUri());
        api.signUp("Org " + phoneNumberId, "owner@" + phoneNumberId + ".test");
        api.put("/settings/whatsapp", "{\"phone_number_id\":\"%s\",\"access_token\":\"EAAG-%s\"}"
                .formatted(phoneNumberId, phoneNumberId));
        return api;
    }

    /** A new organisation whose bot answers with the scripted model. */
    public ApiClient create(ScriptedLlmServer llm) {
        ApiClient api = create();
        api.put("/settings/llm", "{\"base_url\":\"%s\",\"model\":\"m\",\"api_key\":\"k\"}".formatted(llm.baseUrl()));
        return api;
    }

    /** The lead writes to the organisation's number at {@code epochSeconds}; returns the webhook's HTTP status. */
    public int leadWrites(ApiClient api, String phone, String text, long epochSeconds) {
        String phoneNumberId = api.get("/settings/whatsapp").body().path("phone_number_id").asText();
        return Webhooks.postSigned(backend.baseUri().resolve("/webhook"), appSecret, Webhooks.text(phoneNumberId,
                phone, "wamid." + UUID.randomUUID(), epochSeconds, text));
    }
}
