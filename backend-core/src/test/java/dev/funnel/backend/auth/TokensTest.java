package dev.funnel.backend.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.funnel.backend.http.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TokensTest {

    private static final Caller CALLER = new Caller(UUID.randomUUID(), UUID.randomUUID(), "admin");
    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

    @Test
    void anIssuedTokenNamesItsCallerAndOrganisation() {
        Tokens tokens = new Tokens("secret-1", Duration.ofHours(1), Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(tokens.verify(tokens.issue(CALLER))).isEqualTo(CALLER);
    }

    @Test
    void anExpiredTokenIsRejected() {
        String token = new Tokens("secret-1", Duration.ofHours(1), Clock.fixed(NOW.minus(Duration.ofHours(2)),
                ZoneOffset.UTC)).issue(CALLER);

        assertThatThrownBy(() -> new Tokens("secret-1", Duration.ofHours(1), Clock.systemUTC()).verify(token))
                .isInstanceOf(ApiException.class).hasMessageContaining("expired");
    }

    @Test
    void aTokenSignedWithAnotherSecretIsRejected() {
        String token = new Tokens("other", Duration.ofHours(1), Clock.systemUTC()).issue(CALLER);

        assertThatThrownBy(() -> new Tokens("secret-1", Duration.ofHours(1), Clock.systemUTC()).verify(token))
                .isInstanceOf(ApiException.class);
    }

    @Test
    void aTamperedTokenIsRejected() {
        Tokens tokens = new Tokens("secret-1", Duration.ofHours(1), Clock.systemUTC());
        String[] parts = tokens.issue(CALLER).split("\\.");
        String forged = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "xx." + parts[2];

        assertThatThrownBy(() -> tokens.verify(forged)).isInstanceOf(ApiException.class);
    }
}
