package dev.funnel.gateway;

import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * Checks Meta's {@code X-Hub-Signature-256} header: {@code sha256=<hex HMAC-SHA256(app secret, body)>}.
 *
 * <p>The HMAC is always taken over the bytes as received: Meta's bodies may hold raw UTF-8 or
 * <code>&#92;uXXXX</code> escapes, and any parse-and-re-encode step would change them.
 */
public final class SignatureVerifier {

    private static final String PREFIX = "sha256=";
    private static final String ALGORITHM = "HmacSHA256";
    private static final int HMAC_BYTES = 32;

    private final SecretKeySpec key;

    public SignatureVerifier(String appSecret) {
        if (appSecret == null || appSecret.isEmpty()) {
            throw new IllegalArgumentException("the app secret must not be empty");
        }
        this.key = new SecretKeySpec(appSecret.getBytes(UTF_8), ALGORITHM);
    }

    /** Whether {@code headerValue} is a well-formed signature of exactly these bytes. */
    public boolean verify(byte[] rawBody, String headerValue) {
        if (headerValue == null || !headerValue.startsWith(PREFIX)) {
            return false;
        }
        String hex = headerValue.substring(PREFIX.length());
        if (hex.length() != HMAC_BYTES * 2) {
            return false;
        }
        byte[] claimed;
        try {
            // parseHex accepts upper- and lower-case digits alike
            claimed = HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        // constant time, so response timing reveals nothing about how close a forgery came
        return MessageDigest.isEqual(hmac(rawBody), claimed);
    }

    /** The header value Meta would send with this body, e.g. for simulated deliveries. */
    public String sign(byte[] body) {
        return PREFIX + HexFormat.of().formatHex(hmac(body));
    }

    private byte[] hmac(byte[] body) {
        try {
            // a Mac is stateful and not thread-safe; one per call is cheap next to the network
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is required of every JDK", e);
        }
    }
}
