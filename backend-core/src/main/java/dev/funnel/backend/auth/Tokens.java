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
import java.util.UUID;

/** Issues and checks the API's access tokens (signed JWTs with an expiry). */
public final class Tokens {

    private static final String ISSUER = "funnel";

    private final Algorithm algorithm;
    private final JWTVerifier verifier;
    private final Duration lifetime;
    private final Clock clock;

    public Tokens(String secret, Duration lifetime, Clock clock) {
        this.algorithm = Algorithm.HMAC256(secret);
        this.verifier = ((JWTVerifier.BaseVerification) JWT.require(algorithm).withIssuer(ISSUER)).build(clock);
        this.lifetime = lifetime;
        this.clock = clock;
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

    /** The caller of a request, from its {@code Authorization: Bearer} header. */
    public Caller caller(ServerRequest req) {
        String header = req.headers().first(HeaderNames.AUTHORIZATION).orElse("");
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() <= 7) {
            throw ApiException.unauthorized("Log in first: this request needs an access token");
        }
        return verify(header.substring(7).trim());
    }
}
