package dev.funnel.gateway;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * Seeded, repeatable damage to real webhook bodies: the kinds of garbage a signed sender could still
 * post. Text edits go through ISO-8859-1, which maps every byte to one char and back, so bytes that
 * are not UTF-8 survive them.
 */
final class BodyMutator {

    private static final int MAX_BYTES = 200_000;
    private static final Pattern STRING_VALUE = Pattern.compile("\": \"[^\"]*\"");
    private static final Pattern LEAD = Pattern.compile("\"(from|recipient_id|phone_number_id)\": \"[^\"]*\"");

    private static final String[] VALUES = {"123", "-0.5e999", "true", "null", "[]", "{}", "[1,{\"a\":[null]}]",
        "\"\\ud83d\"", "\"\"", "{\"from\":\"x\"}", "1e", "\"unterminated", "NaN"};
    private static final String[] LEADS = {"", " ", "a b", "9".repeat(200), "עברית", "\\u0000", "😮",
        "+55 (11) 9999-0000", "x\\\"y"};
    private static final byte[][] NOT_UTF8 = {{(byte) 0xFF}, {(byte) 0xC3}, {(byte) 0x80}, {(byte) 0xC0, (byte) 0x80},
        {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80}};
    private static final byte[][] CONTROL = {{0}, {1}, {0x0B}, {0x1F}, {(byte) 0xEF, (byte) 0xBF, (byte) 0xBF}};
    private static final String[] UNICODE = {"😮", "中", "é", "\\u00e9", "\ufffd", "\u200f"};

    private final Random random;
    private final List<byte[]> seeds;

    BodyMutator(long seed, List<byte[]> seeds) {
        this.random = new Random(seed);
        this.seeds = seeds;
    }

    /** One to three mutations of a random seed body. */
    byte[] next() {
        byte[] body = seeds.get(random.nextInt(seeds.size()));
        for (int i = 1 + random.nextInt(3); i > 0; i--) {
            body = mutate(body);
        }
        return body.length > MAX_BYTES ? Arrays.copyOf(body, MAX_BYTES) : body;
    }

    private byte[] mutate(byte[] body) {
        return switch (random.nextInt(9)) {
            case 0 -> flipBits(body);
            case 1 -> Arrays.copyOf(body, body.length == 0 ? 0 : random.nextInt(body.length));
            case 2 -> replaceRandom(body, STRING_VALUE, m -> "\": " + pick(VALUES));
            case 3 -> nest(body);
            case 4 -> insert(body, NOT_UTF8[random.nextInt(NOT_UTF8.length)]);
            case 5 -> insert(body, CONTROL[random.nextInt(CONTROL.length)]);
            case 6 -> replaceRandom(body, LEAD, m -> "\"" + m.group(1) + "\": \"" + latin1(pick(LEADS)) + "\"");
            case 7 -> splice(body);
            default -> insert(body, pick(UNICODE).getBytes(UTF_8));
        };
    }

    private byte[] flipBits(byte[] body) {
        byte[] flipped = body.clone();
        for (int i = 1 + random.nextInt(4); i > 0 && flipped.length > 0; i--) {
            flipped[random.nextInt(flipped.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return flipped;
    }

    private byte[] replaceRandom(byte[] body, Pattern pattern, Function<MatchResult, String> replacement) {
        String text = new String(body, ISO_8859_1);
        List<MatchResult> matches = pattern.matcher(text).results().toList();
        if (matches.isEmpty()) {
            return flipBits(body);
        }
        MatchResult chosen = matches.get(random.nextInt(matches.size()));
        return (text.substring(0, chosen.start()) + replacement.apply(chosen) + text.substring(chosen.end()))
                .getBytes(ISO_8859_1);
    }

    // deep or unbalanced nesting: arrays or objects around the body, sometimes left open
    private byte[] nest(byte[] body) {
        int depth = 1 + random.nextInt(5_000);
        boolean objects = random.nextBoolean();
        String open = objects ? "{\"a\":" : "[";
        String close = random.nextInt(4) == 0 ? "" : objects ? "}" : "]";
        var out = new ByteArrayOutputStream(body.length + depth * (open.length() + close.length()));
        out.writeBytes(open.repeat(depth).getBytes(ISO_8859_1));
        out.writeBytes(body);
        out.writeBytes(close.repeat(depth).getBytes(ISO_8859_1));
        return out.toByteArray();
    }

    private byte[] insert(byte[] body, byte[] piece) {
        int at = random.nextInt(body.length + 1);
        var out = new ByteArrayOutputStream(body.length + piece.length);
        out.write(body, 0, at);
        out.writeBytes(piece);
        out.write(body, at, body.length - at);
        return out.toByteArray();
    }

    private byte[] splice(byte[] body) {
        byte[] other = seeds.get(random.nextInt(seeds.size()));
        int from = random.nextInt(other.length);
        int to = from + random.nextInt(other.length - from + 1);
        return insert(body, Arrays.copyOfRange(other, from, to));
    }

    // the UTF-8 bytes of text, one char per byte, to splice into the ISO-8859-1 view of a body
    private static String latin1(String text) {
        return new String(text.getBytes(UTF_8), ISO_8859_1);
    }

    private String pick(String[] options) {
        return options[random.nextInt(options.length)];
    }
}
