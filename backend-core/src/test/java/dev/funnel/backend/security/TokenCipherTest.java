package dev.funnel.backend.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenCipherTest {

    private static final String KEY = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

    @Test
    void aTokenIsStoredEncryptedAndComesBackIntact() {
        TokenCipher cipher = new TokenCipher(KEY);

        String stored = cipher.encrypt("EAAG-secret-token");

        assertThat(stored).doesNotContain("EAAG").startsWith("v1:");
        assertThat(cipher.decrypt(stored)).isEqualTo("EAAG-secret-token");
        assertThat(cipher.encrypt("EAAG-secret-token")).isNotEqualTo(stored);
    }

    @Test
    void aTamperedValueIsRefused() {
        TokenCipher cipher = new TokenCipher(KEY);
        String stored = cipher.encrypt("EAAG-secret-token");
        char last = stored.charAt(stored.length() - 3);
        String tampered = stored.substring(0, stored.length() - 3) + (last == 'A' ? 'B' : 'A')
                + stored.substring(stored.length() - 2);

        assertThatThrownBy(() -> cipher.decrypt(tampered)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anotherKeyCannotRead() {
        String stored = new TokenCipher(KEY).encrypt("EAAG-secret-token");

        assertThatThrownBy(() -> new TokenCipher(KEY.replace('0', '1')).decrypt(stored))
                .hasMessageContaining("FUNNEL_ENCRYPTION_KEY");
    }

    @Test
    void generatedSecretsAreKeptAcrossStarts(@TempDir Path dir) {
        String first = LocalSecrets.open(dir).getOrCreate("jwt_secret");

        assertThat(LocalSecrets.open(dir).getOrCreate("jwt_secret")).isEqualTo(first).hasSize(64);
        assertThat(dir.resolve("secrets.properties").toFile().canRead()).isTrue();
    }
}
