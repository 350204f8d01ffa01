package dev.funnel.backend.auth;

import dev.funnel.backend.audit.AuditLog;
import dev.funnel.backend.db.Db;
import dev.funnel.backend.db.Tx;
import dev.funnel.backend.http.ApiException;
import dev.funnel.backend.http.Fields;
import dev.funnel.backend.http.Json;
import dev.funnel.backend.organisations.Organisation;
import dev.funnel.backend.organisations.OrganisationRepository;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Sign-up (creating an organisation, or joining one with its invite code), login and "who am I". */
public final class AuthService implements HttpService {

    private static final int MAX_EMAIL_LENGTH = 320;

    record SignupRequest(String organisationName, String name, String email, String password) {
    }

    record JoinRequest(String inviteCode, String name, String email, String password) {
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
    private final LoginThrottle throttle = new LoginThrottle();
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
                .post("/signup/join", this::signupJoin)
                .post("/login", this::login)
                .get("/me", this::me);
    }

    private void setupStatus(ServerRequest req, ServerResponse res) {
        Json.ok(res, Map.of("has_organisation", db.inTransaction(organisations::any)));
    }

    private void signupCreateOrg(ServerRequest req, ServerResponse res) {
        SignupRequest body = Json.read(req, SignupRequest.class);
        newAccount(new Fields()
                .required("organisation_name", body.organisationName())
                .maxLength("organisation_name", body.organisationName(), 200), body.name(), body.email(), body.password())
                .validate();
        String hash = hasher.hash(body.password());
        Instant now = clock.instant();
        SessionOut session = db.inTransaction(tx -> {
            requireNewEmail(tx, body.email());
            Organisation org = organisations.create(tx, body.organisationName().trim(), now);
            User user = users.create(tx, org.id(), body.name().trim(), body.email(), hash, Caller.ADMIN, now);
            audit.record(tx, org.id(), user.id(), "organisation.created", "organisation", org.id(), now);
            return session(user, org);
        });
        Json.send(res, Status.CREATED_201, session);
    }

    /** Joins the organisation whose invite code is given, as an agent; an admin may promote them later. */
    private void signupJoin(ServerRequest req, ServerResponse res) {
        JoinRequest body = Json.read(req, JoinRequest.class);
        newAccount(new Fields().required("invite_code", body.inviteCode()), body.name(), body.email(), body.password())
                .validate();
        String hash = hasher.hash(body.password());
        Instant now = clock.instant();
        SessionOut session = db.inTransaction(tx -> {
            Organisation org = organisations.findByInviteCode(tx, body.inviteCode().trim())
                    .orElseThrow(() -> ApiException.badRequest("invite_code is not valid: ask an admin of the "
                            + "organisation for its current invite code", List.of("invite_code")));
            requireNewEmail(tx, body.email());
            User user = users.create(tx, org.id(), body.name().trim(), body.email(), hash, Caller.AGENT, now);
            audit.record(tx, org.id(), user.id(), "user.join", "user", user.id(), Map.of("role", Caller.AGENT), now);
            return session(user, org);
        });
        Json.send(res, Status.CREATED_201, session);
    }

    private void login(ServerRequest req, ServerResponse res) {
        LoginRequest body = Json.read(req, LoginRequest.class);
        new Fields().required("email", body.email()).maxLength("email", body.email(), MAX_EMAIL_LENGTH)
                .required("password", body.password()).validate();
        String email = UserRepository.normalise(body.email());
        String address = clientAddress(req);
        Instant now = clock.instant();
        Optional<LoginThrottle.Block> block = db.inTransaction(tx -> throttle.check(tx, email, address, now));
        if (block.isPresent()) {
            tooManyFailures(res, block.get(), now);
            return;
        }
        // the password is checked outside a transaction: bcrypt is slow on purpose
        Optional<User> user = db.inTransaction(tx -> users.findByEmail(tx, email))
                .filter(u -> hasher.matches(body.password(), u.passwordHash()));
        if (user.isEmpty()) {
            db.inTransactionRun(tx -> throttle.failed(tx, email, address, now));
            throw ApiException.unauthorized("Wrong email or password");
        }
        if (!user.get().active()) {
            throw ApiException.forbidden("Your account is deactivated: ask an admin of your organisation");
        }
        SessionOut session = db.inTransaction(tx -> {
            throttle.succeeded(tx, email);
            Organisation org = organisations.find(tx, user.get().organisationId()).orElseThrow();
            users.recordLogin(tx, user.get().id(), now);
            return session(user.get(), org);
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

    private static Fields newAccount(Fields fields, String name, String email, String password) {
        fields.required("name", name)
                .maxLength("name", name, 200)
                .required("email", email)
                .maxLength("email", email, MAX_EMAIL_LENGTH)
                .check("email", email == null || email.matches("[^@\\s]+@[^@\\s]+"), "email is not valid");
        return PasswordHasher.checkNew(fields, "password", password);
    }

    private void requireNewEmail(Tx tx, String email) {
        if (users.findByEmail(tx, email).isPresent()) {
            throw ApiException.conflict("An account with this email already exists: log in instead");
        }
    }

    private static void tooManyFailures(ServerResponse res, LoginThrottle.Block block, Instant now) {
        long seconds = Math.max(1, (Duration.between(now, block.until()).toMillis() + 999) / 1000);
        long minutes = (seconds + 59) / 60;
        res.header(HeaderNames.RETRY_AFTER, String.valueOf(seconds));
        Json.error(res, Status.TOO_MANY_REQUESTS_429, "Too many failed logins for " + block.reason()
                + ": try again in " + minutes + (minutes == 1 ? " minute" : " minutes"));
    }

    /** The address the request came from (the proxy's, behind one). */
    private static String clientAddress(ServerRequest req) {
        return req.remotePeer().address() instanceof InetSocketAddress inet && inet.getAddress() != null
                ? inet.getAddress().getHostAddress()
                : null;
    }

    private SessionOut session(User user, Organisation org) {
        String token = tokens.issue(new Caller(user.id(), org.id(), user.role()));
        return new SessionOut(token, "bearer", UserOut.of(user), OrganisationOut.of(org));
    }
}
