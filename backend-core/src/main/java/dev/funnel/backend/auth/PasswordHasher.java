package dev.funnel.backend.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import dev.funnel.backend.http.Fields;
import java.nio.charset.StandardCharsets;

/** Passwords are stored only as bcrypt hashes. */
public final class PasswordHasher {

    private static final int COST = 11;
    private static final int MIN_LENGTH = 8;
    /** bcrypt reads no more than this; a longer password would silently match its first 72 bytes. */
    private static final int MAX_BYTES = 72;

    /** Checks a password someone chooses, as the request field {@code field}. */
    public static Fields checkNew(Fields fields, String field, String password) {
        return fields.required(field, password)
                .check(field, password == null || password.length() >= MIN_LENGTH,
                        field + " must be at least " + MIN_LENGTH + " characters")
                .check(field, password == null || bytes(password).length <= MAX_BYTES,
                        field + " must be at most " + MAX_BYTES + " bytes (72 plain letters and digits)");
    }

    public String hash(String password) {
        return BCrypt.withDefaults().hashToString(COST, password.toCharArray());
    }

    public boolean matches(String password, String hash) {
        byte[] bytes = bytes(password);
        return bytes.length <= MAX_BYTES
                && BCrypt.verifyer().verify(bytes, hash.getBytes(StandardCharsets.UTF_8)).verified;
    }

    private static byte[] bytes(String password) {
        return password.getBytes(StandardCharsets.UTF_8);
    }
}
