package dev.funnel.backend.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import dev.funnel.backend.http.ApiException;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Issues and checks the API's access tokens (signed JWTs with an expiry). */
public final class Tokens {

    /**
     * Who a token's user is now: their current role, or empty once their account is deleted or
     * deactivated. A token stays valid for hours, a role change or a deletion takes effect at once.
     */
    @FunctionalInterface
    public interface Accounts {
        Optional<Caller> current(Caller signed);
    }

    private static final String ISSUER = "funnel";

    private final Algorithm algorithm;
    private final JWTVerifier verifier;
    private final Duration lifetime;
    private final Clock clock;
    private final Accounts accounts;

    /** Tokens taken at their word: the role they were issued with holds until they expire. */
    public Tokens(String secret, Duration lifetime, Clock clock) {
        this(secret, lifetime, clock, Optional::of);
    }

    public Tokens(String secret, Duration lifetime, Clock clock, Accounts accounts) {
        this.algorithm = Algorithm.HMAC256(secret);
        this.verifier = ((JWTVerifier.BaseVerification) JWT.require(algorithm).withIssuer(ISSUER)).build(clock);
        this.lifetime = lifetime;
        this.clock = clock;
        this.accounts = accounts;
    }

    public String issue(Caller caller) {
        Instant now = clock.instant();
        return JWT.create()
                .withIssuer(ISSUER)
                .withSubject(caller.userId().toString())
                .withClaim("org", caller.organisationId().toString())
                .withClaim("role", caller.role())
                .withIssuedAt(now)
                .withExpiresAt(now.plus(lifetime))
                .sign(algorithm);
    }

    /** @throws ApiException 401 when the token is tampered with, expired or not ours */
    public Caller verify(String token) {
        try {
            DecodedJWT jwt = verifier.verify(token);
            return new Caller(UUID.fromString(jwt.getSubject()), UUID.fromString(jwt.getClaim("org").asString()),
                    jwt.getClaim("role").asString());
        } catch (JWTVerificationException | IllegalArgumentException | NullPointerException e) {
            throw ApiException.unauthorized("Your session is invalid or has expired: log in again");
        }
    }

    /**
     * The caller of a request, from its {@code Authorization: Bearer} header, with their current role.
     * @throws ApiException 401 without a valid token, or when the account is deleted or deactivated
     */
    public Caller caller(ServerRequest req) {
        String header = req.headers().first(HeaderNames.AUTHORIZATION).orElse("");
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() <= 7) {
            throw ApiException.unauthorized("Log in first: this request needs an access token");
        }
        return accounts.current(verify(header.substring(7).trim())).orElseThrow(() -> ApiException.unauthorized(
                "Your account is deactivated or no longer exists: ask an admin of your organisation"));
    }
}
