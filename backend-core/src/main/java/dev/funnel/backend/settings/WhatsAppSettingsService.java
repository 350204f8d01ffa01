package dev.funnel.backend.settings;

import dev.funnel.backend.audit.AuditLog;
import dev.funnel.backend.auth.Caller;
import dev.funnel.backend.auth.Tokens;
import dev.funnel.backend.db.Db;
import dev.funnel.backend.http.ApiException;
import dev.funnel.backend.http.Fields;
import dev.funnel.backend.http.Json;
import dev.funnel.backend.security.TokenCipher;
import dev.funnel.backend.whatsapp.GraphApiClient;
import dev.funnel.backend.whatsapp.Integration;
import dev.funnel.backend.whatsapp.IntegrationRepository;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Connecting the organisation's WhatsApp number, checked with Meta before it is saved; its status; and
 * what to set in Meta's app dashboard. The access token goes in encrypted and never comes out.
 */
public final class WhatsAppSettingsService implements HttpService {

    /** What Meta's app dashboard asks for under WhatsApp, Configuration, Webhook. */
    static final String WEBHOOK_PATH = "/webhook";
    static final List<String> WEBHOOK_FIELDS = List.of("messages", "message_template_status_update");
    private static final Pattern META_ID = Pattern.compile("[0-9]{5,32}");
    static final String NOT_CONNECTED = "No WhatsApp number is connected: enter its phone number id and access token";

    /** {@code displayPhoneNumber} is accepted for older clients but Meta's own value is stored. */
    record ConnectRequest(String phoneNumberId, String accessToken, String businessAccountId,
                          String displayPhoneNumber) {
    }

    record StatusOut(boolean connected, String phoneNumberId, String businessAccountId, String displayPhoneNumber,
                     String status, String statusReason) {
        static StatusOut of(Optional<Integration> integration) {
            return integration
                    .map(i -> new StatusOut(i.connected(), i.phoneNumberId(), i.businessAccountId(),
                            i.displayPhoneNumber(), i.status(), i.statusReason()))
                    .orElse(new StatusOut(false, null, null, null, "not_connected", NOT_CONNECTED));
        }
    }

    /** The callback URL is this server's public address followed by {@code callbackPath}. */
    record ConfigOut(String callbackPath, String verifyToken, List<String> webhookFields, String instructions) {
    }

    private final Db db;
    private final Tokens tokens;
    private final TokenCipher cipher;
    private final GraphApiClient graph;
    private final String verifyToken;
    private final Clock clock;
    private final IntegrationRepository integrations = new IntegrationRepository();
    private final AuditLog audit = new AuditLog();

    public WhatsAppSettingsService(Db db, Tokens tokens, TokenCipher cipher, GraphApiClient graph, String verifyToken,
                                   Clock clock) {
        this.db = db;
        this.tokens = tokens;
        this.cipher = cipher;
        this.graph = graph;
        this.verifyToken = verifyToken;
        this.clock = clock;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::status).put("/", this::connect).delete("/", this::disconnect)
                .get("/config", this::config);
    }

    private void status(ServerRequest req, ServerResponse res) {
        Caller caller = tokens.caller(req);
        Json.ok(res, StatusOut.of(db.inTransaction(tx -> integrations.find(tx, caller.organisationId()))));
    }

    /** Meta is asked about the number with the token first: a token or id Meta refuses is never stored. */
    private void connect(ServerRequest req, ServerResponse res) {
        Caller caller = tokens.caller(req).requireAdmin("connect WhatsApp");
        ConnectRequest body = Json.read(req, ConnectRequest.class);
        new Fields()
                .required("phone_number_id", body.phoneNumberId())
                .check(body.phoneNumberId() == null || META_ID.matcher(body.phoneNumberId().trim()).matches(),
                        "phone_number_id must be the numeric id Meta shows for your number")
                .required("access_token", body.accessToken())
                .check(blankToNull(body.businessAccountId()) == null
                                || META_ID.matcher(body.businessAccountId().trim()).matches(),
                        "business_account_id must be the numeric WhatsApp Business Account id Meta shows")
                .validate();
        String phoneNumberId = body.phoneNumberId().trim();
        String token = body.accessToken().trim();
        GraphApiClient.PhoneNumber number = graph.phoneNumber(phoneNumberId, token);
        String encrypted = cipher.encrypt(token);
        Instant now = clock.instant();
        Optional<Integration> saved = db.inTransaction(tx -> {
            if (integrations.phoneNumberTakenByOther(tx, caller.organisationId(), phoneNumberId)) {
                throw ApiException.conflict("This phone number id is already connected to another organisation");
            }
            integrations.save(tx, caller.organisationId(), phoneNumberId, blankToNull(body.businessAccountId()),
                    number.displayPhoneNumber(), encrypted, now);
            audit.record(tx, caller.organisationId(), caller.userId(), "whatsapp.connected", "whatsapp_integration",
                    phoneNumberId, now);
            return integrations.find(tx, caller.organisationId());
        });
        Json.ok(res, StatusOut.of(saved));
    }

    /** The verify token is a shared secret with Meta: only an admin sees it. */
    private void config(ServerRequest req, ServerResponse res) {
        tokens.caller(req).requireAdmin("see the webhook configuration");
        Json.ok(res, new ConfigOut(WEBHOOK_PATH, verifyToken, WEBHOOK_FIELDS,
                "In Meta's app dashboard, WhatsApp > Configuration > Webhook: set the callback URL to this server's"
                        + " public HTTPS address followed by " + WEBHOOK_PATH + ", paste the verify token, then"
                        + " subscribe to the webhook fields listed."));
    }

    private void disconnect(ServerRequest req, ServerResponse res) {
        Caller caller = tokens.caller(req).requireAdmin("disconnect WhatsApp");
        Instant now = clock.instant();
        db.inTransactionRun(tx -> {
            if (integrations.delete(tx, caller.organisationId())) {
                audit.record(tx, caller.organisationId(), caller.userId(), "whatsapp.disconnected",
                        "whatsapp_integration", null, now);
            }
        });
        res.status(Status.NO_CONTENT_204).send();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
