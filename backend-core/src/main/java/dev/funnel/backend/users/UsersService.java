package dev.funnel.backend.users;

import dev.funnel.backend.audit.AuditLog;
import dev.funnel.backend.auth.Caller;
import dev.funnel.backend.auth.PasswordHasher;
import dev.funnel.backend.auth.Tokens;
import dev.funnel.backend.auth.User;
import dev.funnel.backend.auth.UserRepository;
import dev.funnel.backend.db.Db;
import dev.funnel.backend.db.Tx;
import dev.funnel.backend.http.ApiException;
import dev.funnel.backend.http.Fields;
import dev.funnel.backend.http.Json;
import dev.funnel.backend.http.RequestParams;
import dev.funnel.backend.organisations.OrganisationRepository;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * {@code /users}: the people of the caller's organisation. Everyone sees them; admins change roles,
 * deactivate and delete accounts; each person changes their own name and password. An organisation
 * always keeps at least one active admin.
 */
public final class UsersService implements HttpService {

    private static final int MAX_PAGE = 500;
    private static final Set<String> ROLES = Set.of(Caller.ADMIN, Caller.AGENT);

    record UserOut(UUID id, String name, String email, String role, boolean isActive, Instant lastLoginAt,
                   Instant createdAt) {
        static UserOut of(User user) {
            return new UserOut(user.id(), user.name(), user.email(), user.role(), user.active(), user.lastLoginAt(),
                    user.createdAt());
        }
    }

    /** Fields left out (null) stay as they are. */
    record UpdateRequest(String name, String role, Boolean isActive, String password, String currentPassword) {
    }

    private final Db db;
    private final Tokens tokens;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final UserRepository users = new UserRepository();
    private final OrganisationRepository organisations = new OrganisationRepository();
    private final AuditLog audit = new AuditLog();

    public UsersService(Db db, Tokens tokens, PasswordHasher hasher, Clock clock) {
        this.db = db;
        this.tokens = tokens;
        this.hasher = hasher;
        this.clock = clock;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::list)
                .get("/{id}", this::get)
                .patch("/{id}", this::update)
                .delete("/{id}", this::delete);
    }

    private void list(ServerRequest req, ServerResponse res) {
        Caller caller = tokens.caller(req);
        int limit = RequestParams.limit(req, 100, MAX_PAGE);
        int offset = RequestParams.offset(req);
        Json.ok(res, db.inTransaction(tx -> users.list(tx, caller.organisationId(), limit, offset)).stream()
                .map(UserOut::of).toList());
    }

    private void get(ServerRequest req, ServerResponse res) {
        Caller caller = tokens.caller(req);
        UUID id = RequestParams.uuid(req, "id");
        Json.ok(res, UserOut.of(db.inTransaction(tx -> existing(tx, caller, id))));
    }

    private void update(ServerRequest req, ServerResponse res) {
        Caller caller = tokens.caller(req);
        UUID id = RequestParams.uuid(req, "id");
        UpdateRequest body = Json.read(req, UpdateRequest.class);
        boolean self = id.equals(caller.userId());
        if (!self) {
            caller.requireAdmin("change another person's account");
        }
        if (body.role() != null || body.isActive() != null) {
            caller.requireAdmin("change roles or deactivate accounts");
        }
        if (body.password() != null && !self) {
            throw ApiException.forbidden("Only the account's owner can change its password");
        }
        Fields fields = new Fields()
                .check("name", body.name() == null || !body.name().isBlank(), "name must not be empty")
                .maxLength("name", body.name(), 200)
                .check("role", body.role() == null || ROLES.contains(body.role()), "role must be 'admin' or 'agent'")
                .check(null, body.name() != null || body.role() != null || body.isActive() != null
                        || body.password() != null, "Nothing to change: send name, role, is_active or password");
        if (body.password() != null) {
            PasswordHasher.checkNew(fields, "password", body.password()).required("current_password",
                    body.currentPassword());
        }
        fields.validate();
        String newHash = body.password() == null ? null : hasher.hash(body.password());
        Instant now = clock.instant();
        User updated = db.inTransaction(tx -> {
            organisations.lock(tx, caller.organisationId());
            User user = existing(tx, caller, id);
            if (newHash != null && !hasher.matches(body.currentPassword(), user.passwordHash())) {
                throw ApiException.badRequest("current_password is wrong", List.of("current_password"));
            }
            String role = body.role() == null ? user.role() : body.role();
            boolean active = body.isActive() == null ? user.active() : body.isActive();
            if (self && !active) {
                throw ApiException.conflict("You cannot deactivate your own account: another admin can");
            }
            if (user.isActiveAdmin() && !(active && Caller.ADMIN.equals(role))) {
                requireAnotherAdmin(tx, caller);
            }
            String name = body.name() == null ? user.name() : body.name().strip();
            users.update(tx, caller.organisationId(), id, name, role, active, now);
            if (newHash != null) {
                users.setPassword(tx, caller.organisationId(), id, newHash, now);
            }
            audit.record(tx, caller.organisationId(), caller.userId(), "user.update", "user", id,
                    changes(user, name, role, active, newHash != null), now);
            return existing(tx, caller, id);
        });
        Json.ok(res, UserOut.of(updated));
    }

    private void delete(ServerRequest req, ServerResponse res) {
        Caller caller = tokens.caller(req).requireAdmin("delete accounts");
        UUID id = RequestParams.uuid(req, "id");
        if (id.equals(caller.userId())) {
            throw ApiException.conflict("You cannot delete your own account: another admin can");
        }
        Instant now = clock.instant();
        db.inTransactionRun(tx -> {
            organisations.lock(tx, caller.organisationId());
            User user = existing(tx, caller, id);
            if (user.isActiveAdmin()) {
                requireAnotherAdmin(tx, caller);
            }
            users.delete(tx, caller.organisationId(), id);
            audit.record(tx, caller.organisationId(), caller.userId(), "user.delete", "user", id,
                    Map.of("name", user.name(), "email", user.email(), "role", user.role()), now);
        });
        res.status(Status.NO_CONTENT_204).send();
    }

    /** A user of the caller's organisation; one of another organisation is not found, like one that never was. */
    private User existing(Tx tx, Caller caller, UUID id) {
        return users.find(tx, caller.organisationId(), id).orElseThrow(() -> ApiException.notFound("User"));
    }

    /** Called with the organisation locked, so two admins cannot demote each other at once. */
    private void requireAnotherAdmin(Tx tx, Caller caller) {
        if (users.countActiveAdmins(tx, caller.organisationId()) <= 1) {
            throw ApiException.conflict("This is the organisation's last active admin: make someone else an admin "
                    + "first");
        }
    }

    private static Map<String, Object> changes(User before, String name, String role, boolean active,
                                               boolean passwordChanged) {
        Map<String, Object> changed = new LinkedHashMap<>();
        if (!before.name().equals(name)) {
            changed.put("name", name);
        }
        if (!before.role().equals(role)) {
            changed.put("role", role);
        }
        if (before.active() != active) {
            changed.put("is_active", active);
        }
        if (passwordChanged) {
            changed.put("password_changed", true);
        }
        return changed;
    }
}
