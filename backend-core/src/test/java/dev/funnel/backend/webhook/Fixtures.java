package dev.funnel.backend.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Reads the real webhook bodies under {@code src/test/resources/meta-webhooks/} from the classpath. */
final class Fixtures {

    private Fixtures() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/meta-webhooks/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture meta-webhooks/" + name + " on the test classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    /** Every fixture body, named as in the manifest (which lists them all). */
    static List<String> names() {
        return Manifest.load().stream().map(Manifest.Row::file).toList();
    }
}
