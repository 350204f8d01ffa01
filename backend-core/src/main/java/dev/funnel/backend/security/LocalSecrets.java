package dev.funnel.backend.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Properties;

/**
 * Secrets a solo installation makes for itself on first start and keeps in its data folder
 * (readable by the owner only), so nobody has to invent a JWT key or an encryption key by hand.
 */
public final class LocalSecrets {

    private static final String FILE_NAME = "secrets.properties";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private final Properties values = new Properties();

    private LocalSecrets(Path file) {
        this.file = file;
    }

    public static LocalSecrets open(Path dataDir) {
        LocalSecrets secrets = new LocalSecrets(dataDir.resolve(FILE_NAME));
        if (Files.exists(secrets.file)) {
            try (InputStream in = Files.newInputStream(secrets.file)) {
                secrets.values.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + secrets.file, e);
            }
        }
        return secrets;
    }

    /** The named secret: kept from an earlier start, or 32 fresh random bytes as hex, saved now. */
    public synchronized String getOrCreate(String name) {
        String value = values.getProperty(name);
        if (value == null) {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            value = HexFormat.of().formatHex(bytes);
            values.setProperty(name, value);
            save();
        }
        return value;
    }

    private void save() {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(FILE_NAME + ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                values.store(out, "Funnel secrets generated on first start. Keep private; back up with the database.");
            }
            restrictToOwner(tmp);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    private static void restrictToOwner(Path path) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException windows) {
            // no POSIX permissions on this file system; the user's profile folder protects it instead
        }
    }
}
