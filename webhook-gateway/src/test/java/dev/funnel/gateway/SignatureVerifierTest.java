package dev.funnel.gateway;

import java.util.Locale;
import org.junit.jupiter.api.Test;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

class SignatureVerifierTest {

    private static final String SECRET = "test-app-secret";

    private final SignatureVerifier verifier = new SignatureVerifier(SECRET);

    @Test
    void signMatchesTheKnownHmacSha256Vector() {
        var wikipediaVector = new SignatureVerifier("key");

        String header = wikipediaVector.sign("The quick brown fox jumps over the lazy dog".getBytes(UTF_8));

        assertThat(header).isEqualTo("sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
    }

    @Test
    void acceptsTheSignatureOfTheExactBody() {
        byte[] body = TestBodies.metaWebhook(TestBodies.TEXT_WITH_AD_REFERRAL);

        boolean valid = verifier.verify(body, verifier.sign(body));

        assertThat(valid).isTrue();
    }

    @Test
    void rejectsASignatureMadeWithAnotherSecret() {
        byte[] body = TestBodies.metaWebhook(TestBodies.TEXT_WITH_AD_REFERRAL);
        String otherSignature = new SignatureVerifier("another-secret").sign(body);

        boolean valid = verifier.verify(body, otherSignature);

        assertThat(valid).isFalse();
    }

    @Test
    void rejectsASignatureOfADifferentBody() {
        byte[] body = TestBodies.metaWebhook(TestBodies.TEXT_WITH_AD_REFERRAL);
        String signature = verifier.sign(body);
        body[body.length - 2] = ' ';

        boolean valid = verifier.verify(body, signature);

        assertThat(valid).isFalse();
    }

    @Test
    void acceptsUpperCaseHex() {
        byte[] body = TestBodies.metaWebhook(TestBodies.STATUS_SENT);
        String hex = verifier.sign(body).substring("sha256=".length());

        boolean valid = verifier.verify(body, "sha256=" + hex.toUpperCase(Locale.ROOT));

        assertThat(valid).isTrue();
    }

    @Test
    void rejectsAHeaderWithoutTheSha256Prefix() {
        byte[] body = TestBodies.metaWebhook(TestBodies.STATUS_SENT);
        String hex = verifier.sign(body).substring("sha256=".length());

        assertThat(verifier.verify(body, hex)).isFalse();
        assertThat(verifier.verify(body, "sha1=" + hex)).isFalse();
    }

    @Test
    void rejectsMalformedHeaders() {
        byte[] body = TestBodies.metaWebhook(TestBodies.STATUS_SENT);
        String hex = verifier.sign(body).substring("sha256=".length());

        assertThat(verifier.verify(body, null)).isFalse();
        assertThat(verifier.verify(body, "")).isFalse();
        assertThat(verifier.verify(body, "sha256=")).isFalse();
        assertThat(verifier.verify(body, "sha256=" + hex.substring(2))).isFalse();
        assertThat(verifier.verify(body, "sha256=" + hex + "00")).isFalse();
        assertThat(verifier.verify(body, "sha256=" + "zz" + hex.substring(2))).isFalse();
    }

    @Test
    void verifiesRawUtf8BodiesOverTheirBytes() {
        byte[] body = TestBodies.withRawUtf8Text();
        String signature = verifier.sign(body);

        assertThat(verifier.verify(body, signature)).isTrue();
        // the same text with the characters escaped is a different body with a different signature
        byte[] escaped = new String(body, UTF_8).replace("😮", "\\ud83d\\ude2e").getBytes(UTF_8);
        assertThat(verifier.verify(escaped, signature)).isFalse();
    }

    @Test
    void verifiesEscapedBodiesOverTheirBytesNotTheDecodedText() {
        byte[] body = TestBodies.metaWebhook(TestBodies.REACTION_WITH_ESCAPED_EMOJI);
        String signature = verifier.sign(body);

        assertThat(new String(body, UTF_8)).contains("\\ud83d\\ude2e");
        assertThat(verifier.verify(body, signature)).isTrue();
        // what a JSON parse-and-re-encode would produce: same meaning, other bytes
        byte[] unescaped = new String(body, UTF_8).replace("\\ud83d\\ude2e", "😮").getBytes(UTF_8);
        assertThat(verifier.verify(unescaped, signature)).isFalse();
    }
}
