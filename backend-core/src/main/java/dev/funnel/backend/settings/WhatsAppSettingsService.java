package dev.funnel.backend.settings;

import dev.funnel.backend.audit.AuditLog;
import dev.funnel.backend.auth.Caller;
import dev.funnel.backend.auth.Tokens;
import dev.funnel.backend.db.Db;
import dev.funnel.backend.http.ApiException;
import dev.funnel.backend.http.Fields;
import dev.funnel.backend.http.Json;
import dev.funnel.backend.security.TokenCipher;
import dev.funnel.backend.whatsapp.Integration;
import dev.funnel.backend.whatsapp.IntegrationRepository;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** Connecting the organisation's WhatsApp number. The access token goes in encrypted and never comes out. */
public final class WhatsAppSettingsService implements HttpService {

    record ConnectRequest(String phoneNumberId, String accessToken, String businessAccountId,
                          String displayPhoneNumber) {
    }

    record StatusOut(boolean connected, String phoneNumberId, String businessAccountId, String displayPhoneNumber,
                     String status, String statusReason) {
        static StatusOut of(Optional<Integration> integration) {
            return integration
                    .map(i -> new StatusOut(i.connected(), i.phoneNumberId(), i.businessAccountId(),
                            i.displayPhoneNumber(), i.status(), i.statusReason()))
                    .orElse(new StatusOut(false, null, null, null, "not_connected", null));
        }
    }

    private final Db db;
    private final Tokens tokens;
    private final TokenCipher cipher;
    private final Clock clock;
    private final IntegrationRepository integrations = new IntegrationRepository();
    private final AuditLog audit = new AuditLog();

    public WhatsAppSettingsService(Db db, Tokens tokens, TokenCipher cipher, Clock clock) {
        this.db = db;
        this.tokens = tokens;
        this.cipher = cipher;
        this.clock = clock;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::status).put("/", this::connect).delete("/", this::disconnect);
    }

    private void status(ServerRequest req, ServerResponse res) {
        Caller caller = tokens.caller(req);
        Json.ok(res, StatusOut.of(db.inTransaction(tx -> integrations.find(tx, caller.organisationId()))));
    }

    private void connect(ServerRequest req, ServerResponse res) {
        Caller caller = tokens.caller(req).requireAdmin("connect WhatsApp");
        ConnectRequest body = Json.read(req, ConnectRequest.class);
        new Fields()
                .required("phone_number_id", body.phoneNumberId())
                .check(body.phoneNumberId() == null || body.phoneNumberId().trim().matches("[0-9]{5,32}"),
                        "phone_number_id must be the numeric id Meta shows for your number")
                .required("access_token", body.accessToken())
                .validate();
        String encrypted = cipher.encrypt(body.accessToken().trim());
        Instant now = clock.instant();
        Optional<Integration> saved = db.inTransaction(tx -> {
            if (integrations.phoneNumberTakenByOther(tx, caller.organisationId(), body.phoneNumberId().trim())) {
                throw ApiException.conflict("This phone number id is already connected to another organisation");
            }
            integrations.save(tx, caller.organisationId(), body.phoneNumberId().trim(), blankToNull(body.businessAccountId()),
                    blankToNull(body.displayPhoneNumber()), encrypted, now);
            audit.record(tx, caller.organisationId(), caller.userId(), "whatsapp.connected", "whatsapp_integration",
                    body.phoneNumberId().trim(), now);
            return integrations.find(tx, caller.organisationId());
        });
        Json.ok(res, StatusOut.of(saved));
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
