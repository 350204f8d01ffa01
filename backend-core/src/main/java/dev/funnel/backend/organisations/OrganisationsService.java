package dev.funnel.backend.organisations;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.funnel.backend.audit.AuditLog;
import dev.funnel.backend.auth.Caller;
import dev.funnel.backend.auth.Tokens;
import dev.funnel.backend.db.Db;
import dev.funnel.backend.db.Tx;
import dev.funnel.backend.http.Fields;
import dev.funnel.backend.http.Json;
import dev.funnel.backend.templates.TemplateRepository;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code /organisation}: the caller's organisation, its profile, tone and follow-up rules. Everyone
 * reads them; only admins change them and see the invite code.
 */
public final class OrganisationsService implements HttpService {

    /** Longer values (a business profile) are noted in the audit log by their length, not copied. */
    private static final int AUDITED_VALUE_LENGTH = 200;
    private static final TypeReference<Map<String, Object>> FIELDS = new TypeReference<>() {
    };

    record OrganisationOut(UUID id, @JsonUnwrapped SettingsBody settings,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String inviteCode) {
        static OrganisationOut of(Organisation org, FollowupTemplate followupTemplate, Caller caller) {
            return new OrganisationOut(org.id(), SettingsBody.of(org, followupTemplate),
                    caller.isAdmin() ? org.inviteCode() : null);
        }
    }

    record InviteCodeOut(String inviteCode) {
    }

    private final Db db;
    private final Tokens tokens;
    private final Clock clock;
    private final OrganisationRepository organisations = new OrganisationRepository();
    private final TemplateRepository templates = new TemplateRepository();
    private final AuditLog audit = new AuditLog();

    public OrganisationsService(Db db, Tokens tokens, Clock clock) {
        this.db = db;
        this.tokens = tokens;
        this.clock = clock;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::get)
                .patch("/", this::update)
                .post("/invite-code", this::rotateInviteCode);
    }

    private void get(ServerRequest req, ServerResponse res) {
        Caller caller = tokens.caller(req);
        Json.ok(res, db.inTransaction(tx -> out(tx, organisations.find(tx, caller.organisationId()).orElseThrow(),
                caller)));
    }

    /**
     * Changes the fields the body names (null clears an optional one, and the follow-up template); the rest
     * stay as they are. The follow-up template is checked against the template only when it changes, so a
     * template paused since does not stop other changes (the follow-ups then ask a person).
     */
    private void update(ServerRequest req, ServerResponse res) {
        Caller caller = tokens.caller(req).requireAdmin("change the organisation's settings");
        ObjectNode patch = Json.read(req, ObjectNode.class);
        Instant now = clock.instant();
        OrganisationOut updated = db.inTransaction(tx -> {
            organisations.lock(tx, caller.organisationId());
            Organisation current = organisations.find(tx, caller.organisationId()).orElseThrow();
            SettingsBody before = body(tx, current);
            ObjectNode merged = Json.MAPPER.valueToTree(before);
            patch.properties().forEach(field -> {
                if (merged.has(field.getKey())) {
                    merged.set(field.getKey(), field.getValue());
                }
            });
            SettingsBody body = Json.convert(merged, SettingsBody.class);
            Fields fields = new Fields();
            FollowupTemplate followupTemplate = body.followupTemplate();
            if (followupTemplate != null && !followupTemplate.equals(before.followupTemplate())) {
                followupTemplate.check(fields, followupTemplate.templateId() == null ? Optional.empty()
                        : templates.find(tx, caller.organisationId(), followupTemplate.templateId()));
            }
            OrganisationSettings settings = body.validate(fields);
            organisations.updateSettings(tx, caller.organisationId(), settings, now);
            organisations.updateFollowupTemplate(tx, caller.organisationId(), followupTemplate, now);
            Organisation saved = organisations.find(tx, caller.organisationId()).orElseThrow();
            Map<String, Object> changes = changes(before, body(tx, saved));
            if (!changes.isEmpty()) {
                audit.record(tx, caller.organisationId(), caller.userId(), "organisation.update", "organisation",
                        caller.organisationId(), changes, now);
            }
            return out(tx, saved, caller);
        });
        Json.ok(res, updated);
    }

    private SettingsBody body(Tx tx, Organisation org) {
        return SettingsBody.of(org, organisations.followupTemplate(tx, org.id()).orElse(null));
    }

    private OrganisationOut out(Tx tx, Organisation org, Caller caller) {
        return OrganisationOut.of(org, organisations.followupTemplate(tx, org.id()).orElse(null), caller);
    }

    private void rotateInviteCode(ServerRequest req, ServerResponse res) {
        Caller caller = tokens.caller(req).requireAdmin("make a new invite code");
        Instant now = clock.instant();
        String code = db.inTransaction(tx -> {
            String rotated = organisations.rotateInviteCode(tx, caller.organisationId(), now);
            audit.record(tx, caller.organisationId(), caller.userId(), "invite_code.rotate", "organisation",
                    caller.organisationId(), now);
            return rotated;
        });
        Json.ok(res, new InviteCodeOut(code));
    }

    /** The settings that differ, with their new values. */
    private static Map<String, Object> changes(SettingsBody before, SettingsBody after) {
        Map<String, Object> old = Json.MAPPER.convertValue(before, FIELDS);
        Map<String, Object> now = Json.MAPPER.convertValue(after, FIELDS);
        Map<String, Object> changed = new LinkedHashMap<>();
        now.forEach((field, value) -> {
            if (!Objects.equals(old.get(field), value)) {
                changed.put(field, value instanceof String text && text.length() > AUDITED_VALUE_LENGTH
                        ? "(" + text.length() + " characters)" : value);
            }
        });
        return changed;
    }
}
