package dev.funnel.backend.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Makes broken variants of a real webhook body. Tree mutations keep the body valid JSON (so the parser
 * must read it without refusing); byte mutations usually break it (so the parser may refuse it, but only
 * with {@link MalformedWebhookException}).
 */
public final class BodyMutator {

    /** @param validJson true when the body is still a JSON object within the reader's limits */
    public record Mutant(byte[] body, String description, boolean validJson) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    // stand-ins written by the tree mutations and swapped for raw text the JSON writer would refuse
    private static final String DEEP = "@@deep@@";
    private static final String TOO_DEEP = "@@too-deep@@";
    private static final String HUGE = "@@huge@@";
    private static final String TOO_LONG_NUMBER = "@@too-long-number@@";
    private static final String[] ESCAPES = {"\\ud83d", "\\ude2e", "\\u0000", "\\u00e9", "\\ud83d\\ude2e", "\\uffff", "\\u"};
    private static final byte[][] INVALID_UTF8 = {{(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            {(byte) 0xF0, (byte) 0x9F}, {(byte) 0xC0, (byte) 0xAF}};
    private static final byte[] JSON_BYTES = "{}[]\",:0123456789-.eE truefalsenull\\".getBytes(StandardCharsets.US_ASCII);

    private final Random random;

    public BodyMutator(Random random) {
        this.random = random;
    }

    public Mutant mutate(byte[] original) {
        if (random.nextBoolean()) {
            return mutateTree(original);
        }
        byte[] body = original;
        StringBuilder description = new StringBuilder();
        for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
            body = mutateBytes(body, description);
        }
        return new Mutant(body, description.toString(), false);
    }

    private Mutant mutateTree(byte[] original) {
        JsonNode root = read(original);
        StringBuilder description = new StringBuilder();
        for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
            List<Slot> slots = new ArrayList<>();
            collect(root, slots);
            if (slots.isEmpty()) {
                break; // everything was removed already
            }
            mutateSlot(slots.get(random.nextInt(slots.size())), description);
        }
        String text = root.toString();
        boolean valid = !text.contains(TOO_DEEP) && !text.contains(TOO_LONG_NUMBER);
        text = text.replace("\"" + DEEP + "\"", "[".repeat(800) + "]".repeat(800))
                .replace("\"" + TOO_DEEP + "\"", "{\"a\":".repeat(1500) + "1" + "}".repeat(1500))
                .replace("\"" + HUGE + "\"", "9".repeat(990))
                .replace("\"" + TOO_LONG_NUMBER + "\"", "1".repeat(5000));
        return new Mutant(text.getBytes(StandardCharsets.UTF_8), description.toString(), valid);
    }

    /** A place in the tree: a field of an object or an element of an array. */
    private record Slot(JsonNode parent, String field, int index) {
        JsonNode value() {
            return field != null ? parent.path(field) : parent.path(index);
        }

        void set(JsonNode value) {
            if (field != null) {
                ((ObjectNode) parent).set(field, value);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }

        void remove() {
            if (field != null) {
                ((ObjectNode) parent).remove(field);
            } else {
                ((ArrayNode) parent).remove(index);
            }
        }
    }

    private static void collect(JsonNode node, List<Slot> slots) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                slots.add(new Slot(node, name, -1));
                collect(node.path(name), slots);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                slots.add(new Slot(node, null, i));
                collect(node.path(i), slots);
            }
        }
    }

    private void mutateSlot(Slot slot, StringBuilder description) {
        JsonNode old = slot.value();
        int choice = random.nextInt(16);
        description.append("tree#").append(choice).append(' ');
        switch (choice) {
            case 0, 1 -> slot.remove();
            case 2 -> slot.set(NODES.nullNode());
            case 3 -> slot.set(NODES.textNode(old.isValueNode() ? old.asText() + "x" : "text"));
            case 4 -> slot.set(random.nextBoolean() ? NODES.numberNode(random.nextInt()) : NODES.numberNode(random.nextLong()));
            case 5 -> slot.set(NODES.numberNode(new BigInteger(200, random)));
            case 6 -> slot.set(NODES.numberNode(random.nextBoolean() ? Double.MAX_VALUE : -Double.MIN_VALUE));
            case 7 -> slot.set(NODES.booleanNode(random.nextBoolean()));
            case 8 -> slot.set(NODES.arrayNode().add(old.deepCopy()));
            case 9 -> slot.set(NODES.objectNode().set("value", old.deepCopy()));
            case 10 -> slot.set(NODES.objectNode());
            case 11 -> slot.set(NODES.textNode(random.nextBoolean() ? DEEP : TOO_DEEP));
            case 12 -> slot.set(NODES.textNode(random.nextBoolean() ? HUGE : TOO_LONG_NUMBER));
            case 13 -> slot.set(NODES.textNode(random.nextBoolean() ? "" : "😮\u202Eé\u0000" + "x".repeat(random.nextInt(5000))));
            case 14 -> {
                if (slot.parent().isArray()) { // many copies of one message, status or entry
                    ArrayNode parent = (ArrayNode) slot.parent();
                    for (int i = random.nextInt(50); i >= 0; i--) {
                        parent.add(old.deepCopy());
                    }
                } else {
                    slot.set(NODES.arrayNode());
                }
            }
            default -> slot.set(NODES.numberNode(-1));
        }
    }

    private byte[] mutateBytes(byte[] body, StringBuilder description) {
        if (body.length == 0) {
            return body;
        }
        int at = random.nextInt(body.length);
        int length = Math.min(body.length - at, 1 + random.nextInt(16));
        int choice = random.nextInt(8);
        description.append("bytes#").append(choice).append('@').append(at).append(' ');
        return switch (choice) {
            case 0 -> splice(body, at, length, new byte[0]);
            case 1 -> splice(body, at, 0, slice(body, at, length));
            case 2 -> {
                byte[] replacement = new byte[length];
                for (int i = 0; i < length; i++) {
                    replacement[i] = random.nextBoolean() ? JSON_BYTES[random.nextInt(JSON_BYTES.length)] : (byte) random.nextInt(256);
                }
                yield splice(body, at, length, replacement);
            }
            case 3 -> slice(body, 0, at);
            case 4 -> splice(body, at, 0, INVALID_UTF8[random.nextInt(INVALID_UTF8.length)]);
            case 5 -> splice(body, at, 0, ESCAPES[random.nextInt(ESCAPES.length)].getBytes(StandardCharsets.US_ASCII));
            case 6 -> splice(body, at, 0, "1e99999999".getBytes(StandardCharsets.US_ASCII));
            default -> splice(body, at, 0, "[[[[[[[[[[".getBytes(StandardCharsets.US_ASCII));
        };
    }

    private static byte[] slice(byte[] body, int from, int length) {
        byte[] slice = new byte[length];
        System.arraycopy(body, from, slice, 0, length);
        return slice;
    }

    private static byte[] splice(byte[] body, int at, int removed, byte[] inserted) {
        byte[] result = new byte[body.length - removed + inserted.length];
        System.arraycopy(body, 0, result, 0, at);
        System.arraycopy(inserted, 0, result, at, inserted.length);
        System.arraycopy(body, at + removed, result, at + inserted.length, body.length - at - removed);
        return result;
    }

    private static JsonNode read(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
