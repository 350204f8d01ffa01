package dev.funnel.backend.settings;

import dev.funnel.backend.audit.AuditLog;
import dev.funnel.backend.auth.Caller;
import dev.funnel.backend.auth.Tokens;
import dev.funnel.backend.db.Db;
import dev.funnel.backend.http.Fields;
import dev.funnel.backend.http.Json;
import dev.funnel.backend.organisations.Organisation;
import dev.funnel.backend.organisations.OrganisationRepository;
import dev.funnel.backend.pipeline.LlmSettings;
import dev.funnel.backend.security.TokenCipher;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Clock;
import java.time.Instant;

/**
 * Which language model answers an organisation's leads: its own setting (kept, key encrypted) or,
 * when it has none, the server's LLM_* environment defaults.
 */
public final class LlmSettingsService implements HttpService {

    record UpdateRequest(String baseUrl, String model, String apiKey) {
    }

    record SettingsOut(boolean configured, String baseUrl, String model, boolean hasApiKey, String source) {
    }

    private final Db db;
    private final Tokens tokens;
    private final TokenCipher cipher;
    private final LlmSettings defaults;
    private final Clock clock;
    private final OrganisationRepository organisations = new OrganisationRepository();
    private final AuditLog audit = new AuditLog();

    public LlmSettingsService(Db db, Tokens tokens, TokenCipher cipher, LlmSettings defaults, Clock clock) {
        this.db = db;
        this.tokens = tokens;
        this.cipher = cipher;
        this.defaults = defaults;
        this.clock = clock;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::get).put("/", this::update);
    }

    /** The model settings that apply to an organisation right now. */
    public LlmSettings resolve(Organisation org) {
        if (org.llmBaseUrl() != null && org.llmModel() != null) {
            String key = org.llmApiKeyEncrypted() == null ? null : cipher.decrypt(org.llmApiKeyEncrypted());
            return new LlmSettings(org.llmBaseUrl(), key, org.llmModel());
        }
        return defaults;
    }

    private void get(ServerRequest req, ServerResponse res) {
        Caller caller = tokens.caller(req);
        Json.ok(res, describe(db.inTransaction(tx -> organisations.find(tx, caller.organisationId()).orElseThrow())));
    }

    private void update(ServerRequest req, ServerResponse res) {
        Caller caller = tokens.caller(req).requireAdmin("change the language model settings");
        UpdateRequest body = Json.read(req, UpdateRequest.class);
        new Fields()
                .required("base_url", body.baseUrl())
                .httpUrl("base_url", body.baseUrl(), "https://api.openai.com/v1")
                .required("model", body.model())
                .validate();
        Instant now = clock.instant();
        Organisation org = db.inTransaction(tx -> {
            Organisation current = organisations.find(tx, caller.organisationId()).orElseThrow();
            // an empty key keeps the one already stored, so the console need not show it back
            String key = body.apiKey() == null || body.apiKey().isBlank()
                    ? current.llmApiKeyEncrypted()
                    : cipher.encrypt(body.apiKey().trim());
            organisations.updateLlm(tx, caller.organisationId(), body.baseUrl().trim(), body.model().trim(), key, now);
            audit.record(tx, caller.organisationId(), caller.userId(), "llm.configured", "organisation",
                    caller.organisationId(), now);
            return organisations.find(tx, caller.organisationId()).orElseThrow();
        });
        Json.ok(res, describe(org));
    }

    private SettingsOut describe(Organisation org) {
        if (org.llmBaseUrl() != null && org.llmModel() != null) {
            return new SettingsOut(true, org.llmBaseUrl(), org.llmModel(), org.llmApiKeyEncrypted() != null,
                    "organisation");
        }
        if (defaults.isConfigured()) {
            return new SettingsOut(true, defaults.baseUrl(), defaults.model(), defaults.apiKey() != null,
                    "environment");
        }
        return new SettingsOut(false, null, null, false, "none");
    }
}
