package dev.funnel.backend.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads values out of an untrusted JSON tree without ever throwing: a value of the wrong JSON type
 * reads as null (or an empty list), never as an exception, so one odd field cannot lose a delivery.
 */
final class TolerantJson {

    // bounds on decimals we hand out: a BigDecimal such as 1e999999999 is cheap to hold but makes
    // toPlainString() or a database column blow up far from here
    private static final int MAX_DECIMAL_PRECISION = 38;
    private static final int MAX_DECIMAL_SCALE = 38;

    private TolerantJson() {
    }

    /** Text, or a number as its digits (Meta sends some ids as numbers); null for anything else. */
    static String text(JsonNode node) {
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isIntegralNumber()) {
            return node.bigIntegerValue().toString();
        }
        return null;
    }

    /** Like {@link #text} but an empty string also reads as absent. */
    static String nonEmptyText(JsonNode node) {
        String text = text(node);
        return text == null || text.isEmpty() ? null : text;
    }

    static String lowerCaseText(JsonNode node) {
        String text = text(node);
        return text == null ? null : text.toLowerCase(Locale.ROOT);
    }

    /** The elements of an array; an object, a scalar or a missing node has none. */
    static List<JsonNode> elements(JsonNode node) {
        if (!node.isArray()) {
            return List.of();
        }
        List<JsonNode> elements = new ArrayList<>(node.size());
        node.forEach(elements::add);
        return elements;
    }

    /** The objects of an array, skipping any element that is not an object. */
    static List<JsonNode> objects(JsonNode node) {
        return elements(node).stream().filter(JsonNode::isObject).toList();
    }

    static Boolean bool(JsonNode node) {
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isTextual() && ("true".equals(node.textValue()) || "false".equals(node.textValue()))) {
            return Boolean.valueOf(node.textValue());
        }
        return null;
    }

    static Integer integer(JsonNode node) {
        if (node.isIntegralNumber()) {
            return node.canConvertToInt() ? node.intValue() : null;
        }
        if (node.isTextual()) {
            try {
                return Integer.valueOf(node.textValue().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    static Long wholeNumber(JsonNode node) {
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? node.longValue() : null;
        }
        if (node.isFloatingPointNumber()) {
            double value = node.doubleValue();
            boolean whole = Double.isFinite(value) && value == Math.rint(value)
                    && Math.abs(value) < 0x1p62;
            return whole ? (long) value : null;
        }
        if (node.isTextual()) {
            try {
                return Long.valueOf(node.textValue().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** A finite double from a number or a numeric string (coordinates arrive either way). */
    static Double finiteDouble(JsonNode node) {
        double value;
        if (node.isNumber()) {
            value = node.doubleValue();
        } else if (node.isTextual()) {
            try {
                value = Double.parseDouble(node.textValue().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        } else {
            return null;
        }
        return Double.isFinite(value) ? value : null;
    }

    /** An exact decimal (prices), or null when absent, not a number, or absurdly large. */
    static BigDecimal decimal(JsonNode node) {
        BigDecimal value;
        try {
            if (node.isIntegralNumber()) {
                value = new BigDecimal(node.bigIntegerValue());
            } else if (node.isBigDecimal()) {
                value = node.decimalValue();
            } else if (node.isFloatingPointNumber()) {
                double d = node.doubleValue();
                value = Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
            } else if (node.isTextual() && node.textValue().length() <= 64) {
                value = new BigDecimal(node.textValue().trim());
            } else {
                value = null;
            }
        } catch (NumberFormatException e) {
            return null;
        }
        boolean reasonable = value != null && value.precision() <= MAX_DECIMAL_PRECISION
                && Math.abs(value.scale()) <= MAX_DECIMAL_SCALE;
        return reasonable ? value : null;
    }

    /** Epoch seconds, as a string or a number; null when unreadable or outside what Instant holds. */
    static Instant epochSeconds(JsonNode node) {
        Long seconds = wholeNumber(node);
        if (seconds == null || seconds < Instant.MIN.getEpochSecond() || seconds > Instant.MAX.getEpochSecond()) {
            return null;
        }
        return Instant.ofEpochSecond(seconds);
    }

    /** A nested JSON document kept as text: a string as is, an object or array re-encoded. */
    static String document(JsonNode node) {
        if (node.isTextual()) {
            return node.textValue();
        }
        return node.isContainerNode() ? node.toString() : null;
    }
}
