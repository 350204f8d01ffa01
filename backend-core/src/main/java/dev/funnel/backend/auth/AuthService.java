package dev.funnel.backend.auth;

import dev.funnel.backend.audit.AuditLog;
import dev.funnel.backend.db.Db;
import dev.funnel.backend.http.ApiException;
import dev.funnel.backend.http.Fields;
import dev.funnel.backend.http.Json;
import dev.funnel.backend.organisations.Organisation;
import dev.funnel.backend.organisations.OrganisationRepository;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Sign-up (creating an organisation), login and "who am I". */
public final class AuthService implements HttpService {

    record SignupRequest(String organisationName, String name, String email, String password) {
    }

    record LoginRequest(String email, String password) {
    }

    record UserOut(UUID id, String name, String email, String role, UUID organisationId) {
        static UserOut of(User user) {
            return new UserOut(user.id(), user.name(), user.email(), user.role(), user.organisationId());
        }
    }

    record OrganisationOut(UUID id, String name) {
        static OrganisationOut of(Organisation org) {
            return new OrganisationOut(org.id(), org.name());
        }
    }

    record SessionOut(String accessToken, String tokenType, UserOut user, OrganisationOut organisation) {
    }

    record MeOut(UserOut user, OrganisationOut organisation) {
    }

    private final Db db;
    private final Tokens tokens;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final UserRepository users = new UserRepository();
    private final OrganisationRepository organisations = new OrganisationRepository();
    private final AuditLog audit = new AuditLog();

    public AuthService(Db db, Tokens tokens, PasswordHasher hasher, Clock clock) {
        this.db = db;
        this.tokens = tokens;
        this.hasher = hasher;
        this.clock = clock;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/setup-status", this::setupStatus)
                .post("/signup/create-org", this::signupCreateOrg)
                .post("/login", this::login)
                .get("/me", this::me);
    }

    private void setupStatus(ServerRequest req, ServerResponse res) {
        Json.ok(res, Map.of("has_organisation", db.inTransaction(organisations::any)));
    }

    private void signupCreateOrg(ServerRequest req, ServerResponse res) {
        SignupRequest body = Json.read(req, SignupRequest.class);
        new Fields()
                .required("organisation_name", body.organisationName())
                .maxLength("organisation_name", body.organisationName(), 200)
                .required("name", body.name())
                .maxLength("name", body.name(), 200)
                .required("email", body.email())
                .check(body.email() == null || body.email().matches("[^@\\s]+@[^@\\s]+"), "email is not valid")
                .required("password", body.password())
                .check(body.password() == null || body.password().length() >= 8,
                        "password must be at least 8 characters")
                .validate();
        String hash = hasher.hash(body.password());
        Instant now = clock.instant();
        SessionOut session = db.inTransaction(tx -> {
            if (users.findByEmail(tx, body.email()).isPresent()) {
                throw ApiException.conflict("An account with this email already exists: log in instead");
            }
            Organisation org = organisations.create(tx, body.organisationName().trim(), now);
            User user = users.create(tx, org.id(), body.name().trim(), body.email(), hash, "admin", now);
            audit.record(tx, org.id(), user.id(), "organisation.created", "organisation", org.id(), now);
            return session(user, org);
        });
        Json.send(res, Status.CREATED_201, session);
    }

    private void login(ServerRequest req, ServerResponse res) {
        LoginRequest body = Json.read(req, LoginRequest.class);
        new Fields().required("email", body.email()).required("password", body.password()).validate();
        SessionOut session = db.inTransaction(tx -> {
            User user = users.findByEmail(tx, body.email())
                    .filter(User::active)
                    .filter(u -> hasher.matches(body.password(), u.passwordHash()))
                    .orElseThrow(() -> ApiException.unauthorized("Wrong email or password"));
            Organisation org = organisations.find(tx, user.organisationId()).orElseThrow();
            users.recordLogin(tx, user.id(), clock.instant());
            return session(user, org);
        });
        Json.ok(res, session);
    }

    private void me(ServerRequest req, ServerResponse res) {
        Caller caller = tokens.caller(req);
        MeOut me = db.inTransaction(tx -> {
            User user = users.find(tx, caller.organisationId(), caller.userId())
                    .orElseThrow(() -> ApiException.unauthorized("Your account no longer exists"));
            Organisation org = organisations.find(tx, caller.organisationId()).orElseThrow();
            return new MeOut(UserOut.of(user), OrganisationOut.of(org));
        });
        Json.ok(res, me);
    }

    private SessionOut session(User user, Organisation org) {
        String token = tokens.issue(new Caller(user.id(), org.id(), user.role()));
        return new SessionOut(token, "bearer", UserOut.of(user), OrganisationOut.of(org));
    }
}
