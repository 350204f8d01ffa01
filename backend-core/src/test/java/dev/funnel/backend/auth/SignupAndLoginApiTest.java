package dev.funnel.backend.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.funnel.backend.RunningBackend;
import dev.funnel.backend.testing.ApiClient;
import dev.funnel.backend.testing.SoloBackend;
import dev.funnel.backend.testing.TestClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signing up by invite code and logging in, through the API, on a backend whose clock the test moves. */
class SignupAndLoginApiTest {

    private static final String PASSWORD = "correct-horse-1";
    private static final AtomicInteger ORGS = new AtomicInteger();

    private final TestClock clock = new TestClock();
    private RunningBackend backend;

    @BeforeEach
    void start(@TempDir Path dataDir) {
        backend = SoloBackend.start(dataDir, Map.of(), clock);
    }

    @AfterEach
    void stop() {
        backend.stop();
    }

    @Test
    void aPersonWithTheInviteCodeJoinsTheOrganisationAsAnAgent() {
        ApiClient admin = newOrganisation("admin@join.test");
        String code = admin.inviteCode();

        ApiClient agent = api();
        JsonNode session = agent.join(code, "Ravi Agent", "ravi@join.test");

        assertThat(session.path("user").path("role").asText()).isEqualTo("agent");
        assertThat(session.path("organisation").path("id").asText())
                .isEqualTo(admin.get("/auth/me").body().path("organisation").path("id").asText());
        assertThat(agent.get("/auth/me").body().path("user").path("email").asText()).isEqualTo("ravi@join.test");
    }

    @Test
    void aWrongInviteCodeIsA400NamingTheInviteCode() {
        newOrganisation("admin@wrong-code.test");

        ApiClient.Response r = api().post("/auth/signup/join", """
                {"invite_code":"not-a-code","name":"Ravi","email":"ravi@wrong-code.test","password":"%s"}"""
                .formatted(PASSWORD));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().path("error").asText()).contains("invite_code");
        assertThat(r.fields()).containsExactly("invite_code");
    }

    @Test
    void aSignupWithSeveralBadFieldsNamesEachOfThem() {
        ApiClient.Response r = api().post("/auth/signup/create-org", """
                {"organisation_name":"Acme","name":"Asha","email":"not-an-email","password":"short"}""");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.fields()).containsExactly("email", "password");
        assertThat(r.body().path("error").asText()).contains("email is not valid")
                .contains("password must be at least 8 characters");
    }

    @Test
    void aValueOfTheWrongTypeIsA400NamingItsField() {
        ApiClient admin = newOrganisation("admin@types.test");

        ApiClient.Response r = admin.patch("/organisation", "{\"max_words\":\"many\"}");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.fields()).containsExactly("max_words");
    }

    @Test
    void fiveFailedLoginsForAnEmailRefuseTheSixthWithRetryAfter() {
        newOrganisation("target@throttle.test");
        ApiClient api = api();
        for (int i = 0; i < 5; i++) {
            assertThat(api.logIn("target@throttle.test", "wrong-password").status()).isEqualTo(401);
        }

        ApiClient.Response refused = api.logIn("target@throttle.test", PASSWORD);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.body().path("error").asText()).contains("Too many failed logins for this email")
                .contains("15 minutes");
        assertThat(refused.headers().firstValueAsLong("Retry-After").orElseThrow()).isBetween(1L, 900L);
    }

    @Test
    void theRightPasswordWorksAgainOnceTheWindowHasPassed() {
        newOrganisation("patient@throttle.test");
        ApiClient api = api();
        for (int i = 0; i < 5; i++) {
            api.logIn("patient@throttle.test", "wrong-password");
        }
        assertThat(api.logIn("patient@throttle.test", PASSWORD).status()).isEqualTo(429);

        clock.advance(Duration.ofMinutes(15).plusSeconds(1));

        assertThat(api.logIn("patient@throttle.test", PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void aSuccessfulLoginForgetsTheEmailsEarlierFailures() {
        newOrganisation("forgetful@throttle.test");
        ApiClient api = api();
        for (int i = 0; i < 4; i++) {
            api.logIn("forgetful@throttle.test", "wrong-password");
        }
        assertThat(api.logIn("forgetful@throttle.test", PASSWORD).status()).isEqualTo(200);

        for (int i = 0; i < 4; i++) {
            assertThat(api.logIn("forgetful@throttle.test", "wrong-password").status()).isEqualTo(401);
        }
        assertThat(api.logIn("forgetful@throttle.test", PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void manyFailedLoginsFromOneAddressRefuseEveryEmailFromIt() {
        newOrganisation("bystander@throttle.test");
        ApiClient api = api();
        for (int i = 0; i < LoginThrottle.ADDRESS_LIMIT; i++) {
            api.logIn("guess" + i + "@throttle.test", "wrong-password");
        }

        ApiClient.Response refused = api.logIn("bystander@throttle.test", PASSWORD);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.body().path("error").asText()).contains("this network address");
    }

    @Test
    void aDeactivatedPersonCannotLogIn() {
        ApiClient admin = newOrganisation("admin@deactivated.test");
        ApiClient agent = api();
        String id = agent.join(admin.inviteCode(), "Ravi", "ravi@deactivated.test").path("user").path("id").asText();
        admin.patch("/users/" + id, "{\"is_active\":false}");

        ApiClient.Response r = api().logIn("ravi@deactivated.test", "correct-horse-2");

        assertThat(r.status()).isEqualTo(403);
        assertThat(r.body().path("error").asText()).contains("deactivated");
    }

    @Test
    void aTamperedTokenIsRefusedByTheApi() {
        ApiClient admin = newOrganisation("admin@tampered.test");
        String[] parts = admin.token().split("\\.");
        String forged = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "xx." + parts[2];

        ApiClient.Response r = withToken(forged).get("/users");

        assertThat(r.status()).isEqualTo(401);
    }

    @Test
    void anExpiredTokenIsRefusedByTheApi() {
        ApiClient admin = newOrganisation("admin@expired.test");

        clock.advance(Duration.ofHours(13));

        assertThat(admin.get("/users").status()).isEqualTo(401);
    }

    private ApiClient newOrganisation(String email) {
        return ApiClient.admin(backend.baseUri(), "Org " + ORGS.incrementAndGet(), email);
    }

    private ApiClient api() {
        return new ApiClient(backend.baseUri());
    }

    private ApiClient withToken(String token) {
        ApiClient api = api();
        api.useToken(token);
        return api;
    }
}
