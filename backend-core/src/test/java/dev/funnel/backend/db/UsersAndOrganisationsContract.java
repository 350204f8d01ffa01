package dev.funnel.backend.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.backend.audit.AuditLog;
import dev.funnel.backend.auth.Caller;
import dev.funnel.backend.auth.LoginThrottle;
import dev.funnel.backend.auth.User;
import dev.funnel.backend.auth.UserRepository;
import dev.funnel.backend.organisations.Organisation;
import dev.funnel.backend.organisations.OrganisationRepository;
import dev.funnel.backend.organisations.OrganisationSettings;
import dev.funnel.backend.testing.DatabaseContract;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Users, organisation settings, the audit log and login throttling against the real migrations, on H2
 * ({@link UsersAndOrganisationsOnH2Test}) and on a real PostgreSQL ({@link UsersAndOrganisationsOnPostgresIT}).
 */
abstract class UsersAndOrganisationsContract extends DatabaseContract {

    private static final Instant NOW = Instant.parse("2026-11-20T10:15:30Z");

    private final OrganisationRepository organisations = new OrganisationRepository();
    private final UserRepository users = new UserRepository();
    private final AuditLog audit = new AuditLog();
    private final LoginThrottle throttle = new LoginThrottle();

    @Test
    void settingsAreStoredAndReadBackAsTheFollowupsReadThem() {
        Organisation org = organisation("Acme");
        OrganisationSettings settings = new OrganisationSettings("Acme Solar", "Rooftop panels", "Ask the roof size",
                "warm", ZoneId.of("Asia/Kolkata"), LocalTime.of(22, 0), LocalTime.of(7, 30), 2, 5, 40,
                new BigDecimal("0.65"), List.of(15, 120), 48);

        db.inTransactionRun(tx -> organisations.updateSettings(tx, org.id(), settings, NOW));

        Organisation saved = db.inTransaction(tx -> organisations.find(tx, org.id())).orElseThrow();
        assertThat(saved.name()).isEqualTo("Acme Solar");
        assertThat(saved.timeZone()).isEqualTo("Asia/Kolkata");
        assertThat(saved.quietHoursStart()).isEqualTo(LocalTime.of(22, 0));
        assertThat(saved.quietHoursEnd()).isEqualTo(LocalTime.of(7, 30));
        assertThat(saved.maxFollowups24h()).isEqualTo(2);
        assertThat(saved.maxFollowupsTotal()).isEqualTo(5);
        assertThat(saved.maxWords()).isEqualTo(40);
        assertThat(saved.minConfidence()).isEqualTo(0.65);
        assertThat(saved.followupCadenceMinutes()).isEqualTo("15,120");
        assertThat(saved.ghostedAfterHours()).isEqualTo(48);
    }

    @Test
    void aRotatedInviteCodeFindsTheOrganisationAndTheOldOneNothing() {
        Organisation org = organisation("Acme");

        String fresh = db.inTransaction(tx -> organisations.rotateInviteCode(tx, org.id(), NOW));

        Optional<Organisation> byFresh = db.inTransaction(tx -> organisations.findByInviteCode(tx, fresh));
        Optional<Organisation> byOld = db.inTransaction(tx -> organisations.findByInviteCode(tx, org.inviteCode()));
        assertThat(byFresh).map(Organisation::id).contains(org.id());
        assertThat(byOld).isEmpty();
    }

    @Test
    void usersListInTheirOrganisationOldestFirstAndPage() {
        Organisation org = organisation("Acme");
        Organisation other = organisation("Other");
        User first = user(org, "a@acme.test", Caller.ADMIN, NOW);
        User second = user(org, "b@acme.test", Caller.AGENT, NOW.plusSeconds(1));
        user(other, "c@other.test", Caller.ADMIN, NOW);

        List<User> all = db.inTransaction(tx -> users.list(tx, org.id(), 10, 0));
        List<User> secondPage = db.inTransaction(tx -> users.list(tx, org.id(), 1, 1));
        assertThat(all).map(User::id).containsExactly(first.id(), second.id());
        assertThat(secondPage).map(User::id).containsExactly(second.id());
    }

    @Test
    void onlyActiveAdminsCount() {
        Organisation org = organisation("Acme");
        user(org, "a@acme.test", Caller.ADMIN, NOW);
        User demoted = user(org, "b@acme.test", Caller.ADMIN, NOW);
        User inactive = user(org, "c@acme.test", Caller.ADMIN, NOW);
        user(org, "d@acme.test", Caller.AGENT, NOW);

        db.inTransactionRun(tx -> {
            users.update(tx, org.id(), demoted.id(), "B", Caller.AGENT, true, NOW);
            users.update(tx, org.id(), inactive.id(), "C", Caller.ADMIN, false, NOW);
        });

        int admins = db.inTransaction(tx -> users.countActiveAdmins(tx, org.id()));
        assertThat(admins).isEqualTo(1);
    }

    @Test
    void aTokensCallerHasTheirCurrentRoleAndNoneOnceDeactivatedOrDeleted() {
        Organisation org = organisation("Acme");
        User agent = user(org, "a@acme.test", Caller.AGENT, NOW);
        User gone = user(org, "b@acme.test", Caller.AGENT, NOW);
        db.inTransactionRun(tx -> {
            users.update(tx, org.id(), agent.id(), agent.name(), Caller.ADMIN, true, NOW);
            users.delete(tx, org.id(), gone.id());
        });

        assertThat(current(agent.id(), org, Caller.AGENT)).contains(new Caller(agent.id(), org.id(), Caller.ADMIN));
        assertThat(current(gone.id(), org, Caller.AGENT)).isEmpty();
        db.inTransactionRun(tx -> users.update(tx, org.id(), agent.id(), agent.name(), Caller.ADMIN, false, NOW));
        assertThat(current(agent.id(), org, Caller.ADMIN)).isEmpty();
    }

    @Test
    void auditEntriesKeepTheirAuthorsNameAndDetailsAndFilter() {
        Organisation org = organisation("Acme");
        User admin = user(org, "a@acme.test", Caller.ADMIN, NOW);
        db.inTransactionRun(tx -> {
            audit.record(tx, org.id(), admin.id(), "user.update", "user", admin.id(), Map.of("role", "agent"), NOW);
            audit.record(tx, org.id(), admin.id(), "organisation.update", "organisation", org.id(),
                    NOW.plusSeconds(60));
            users.delete(tx, org.id(), admin.id());
        });

        List<AuditLog.Entry> all = db.inTransaction(tx -> audit.list(tx, org.id(),
                new AuditLog.Filter(null, null, null, null, 10, 0)));
        List<AuditLog.Entry> updates = db.inTransaction(tx -> audit.list(tx, org.id(),
                new AuditLog.Filter("user.update", null, NOW, NOW.plusSeconds(1), 10, 0)));

        assertThat(all).map(AuditLog.Entry::action).containsExactly("organisation.update", "user.update");
        assertThat(updates).singleElement().satisfies(e -> {
            assertThat(e.userId()).isNull();
            assertThat(e.userName()).isEqualTo("Person a@acme.test");
            assertThat(e.details()).isEqualTo("{\"role\":\"agent\"}");
            assertThat(e.createdAt()).isEqualTo(NOW);
        });
        UUID other = organisation("Other").id();
        List<AuditLog.Entry> others = db.inTransaction(tx -> audit.list(tx, other,
                new AuditLog.Filter(null, null, null, null, 10, 0)));
        assertThat(others).isEmpty();
    }

    @Test
    void theFifthFailureForAnEmailBlocksItUntilTheFirstLeavesTheWindow() {
        for (int i = 0; i < LoginThrottle.EMAIL_LIMIT - 1; i++) {
            fail("a@acme.test", "10.0.0." + i, NOW.plusSeconds(i));
        }
        assertThat(check("a@acme.test", "10.0.0.9", NOW.plusSeconds(10))).isEmpty();

        fail("a@acme.test", "10.0.0.9", NOW.plusSeconds(10));

        assertThat(check("a@acme.test", "10.0.0.9", NOW.plusSeconds(11))).map(LoginThrottle.Block::until)
                .contains(NOW.plus(LoginThrottle.WINDOW));
        assertThat(check("b@acme.test", "10.0.0.8", NOW.plusSeconds(11))).isEmpty();
        assertThat(check("a@acme.test", "10.0.0.9", NOW.plus(LoginThrottle.WINDOW))).isEmpty();
    }

    @Test
    void anAddressIsBlockedAfterManyFailuresWhateverTheEmail() {
        for (int i = 0; i < LoginThrottle.ADDRESS_LIMIT; i++) {
            fail("guess" + i + "@acme.test", "10.0.0.1", NOW);
        }

        assertThat(check("someone@acme.test", "10.0.0.1", NOW.plusSeconds(1))).map(LoginThrottle.Block::reason)
                .contains("this network address");
        assertThat(check("someone@acme.test", "10.0.0.2", NOW.plusSeconds(1))).isEmpty();
    }

    @Test
    void aSuccessClearsTheEmailsFailuresButNotTheAddresses() {
        for (int i = 0; i < LoginThrottle.EMAIL_LIMIT; i++) {
            fail("a@acme.test", "10.0.0.1", NOW);
        }

        db.inTransactionRun(tx -> throttle.succeeded(tx, "a@acme.test"));

        assertThat(check("a@acme.test", "10.0.0.2", NOW.plusSeconds(1))).isEmpty();
        Optional<Integer> addressFailures = db.inTransaction(tx -> tx.queryOne(
                "SELECT COUNT(*) FROM login_failures WHERE kind = 'address'", rs -> rs.getInt(1)));
        assertThat(addressFailures).contains(LoginThrottle.EMAIL_LIMIT);
    }

    @Test
    void failuresOlderThanTheWindowAreDeleted() {
        fail("old@acme.test", "10.0.0.1", NOW);

        fail("new@acme.test", "10.0.0.2", NOW.plus(LoginThrottle.WINDOW).plus(Duration.ofSeconds(1)));

        List<String> kept = db.inTransaction(tx -> tx.query("SELECT subject FROM login_failures WHERE kind = 'email'",
                rs -> rs.getString(1)));
        assertThat(kept).containsExactly("new@acme.test");
    }

    private Organisation organisation(String name) {
        return db.inTransaction(tx -> organisations.create(tx, name, NOW));
    }

    private User user(Organisation org, String email, String role, Instant createdAt) {
        return db.inTransaction(tx -> users.create(tx, org.id(), "Person " + email, email, "hash", role, createdAt));
    }

    private Optional<Caller> current(UUID userId, Organisation org, String signedRole) {
        return db.inTransaction(tx -> users.current(tx, new Caller(userId, org.id(), signedRole)));
    }

    private void fail(String email, String address, Instant at) {
        db.inTransactionRun(tx -> throttle.failed(tx, email, address, at));
    }

    private Optional<LoginThrottle.Block> check(String email, String address, Instant at) {
        return db.inTransaction(tx -> throttle.check(tx, email, address, at));
    }
}
