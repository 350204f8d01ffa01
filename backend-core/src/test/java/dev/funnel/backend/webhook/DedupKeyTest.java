package dev.funnel.backend.webhook;

import static dev.funnel.backend.webhook.Bodies.messages;
import static dev.funnel.backend.webhook.Bodies.only;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Meta's retries share a key; different messages that reuse a placeholder id do not. */
class DedupKeyTest {

    private static String key(String id, Object timestamp, String type) {
        return only(messages("{\"from\": \"491511\", \"id\": \"" + id + "\", \"timestamp\": " + timestamp
                + ", \"type\": \"" + type + "\", \"" + type + "\": {}}")).dedupKey();
    }

    @Test
    void aRetryOfTheSameMessageHasTheSameKey() {
        assertThat(key("wamid.A", "\"1697043509\"", "text")).isEqualTo(key("wamid.A", "\"1697043509\"", "text"));
    }

    @Test
    void aTimestampSentAsNumberOrStringGivesTheSameKey() {
        assertThat(key("wamid.A", "1697043509", "text")).isEqualTo(key("wamid.A", "\"1697043509\"", "text"));
    }

    @Test
    void aReusedIdWithAnotherTypeOrTimeIsAnotherMessage() {
        String text = key("wamid.xyzxyz", "\"1697043509\"", "text");

        assertThat(key("wamid.xyzxyz", "\"1697043509\"", "image")).isNotEqualTo(text);
        assertThat(key("wamid.xyzxyz", "\"1697044621\"", "text")).isNotEqualTo(text);
    }

    @Test
    void theRealBodiesThatReuseAnIdGetDistinctKeys() {
        String image = only(Fixtures.bytes("image__pywa_with_media_url.json")).dedupKey();
        String audio = only(Fixtures.bytes("audio__pywa_forwarded_not_voice.json")).dedupKey();

        assertThat(image).isNotEqualTo(audio).hasSize(64).matches("[0-9a-f]+");
    }

    @Test
    void isTheSha256OfIdSenderEpochSecondsAndType() {
        assertThat(key("wamid.A", "1", "text"))
                .isEqualTo(sha256Hex("wamid.A\n491511\n1\ntext"));
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
