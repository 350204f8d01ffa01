package dev.funnel.backend.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The manifest's {@code expected} column: {@code verdict;key=value;...}. Values are plain text, {@code -}
 * for absent, or JSON string literals; lists are comma-separated, string lists {@code ||}-separated.
 * Separators inside a JSON string literal do not split.
 */
record ManifestExpectation(String verdict, Map<String, String> values) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CODE_POINT = Pattern.compile("U\\+([0-9A-Fa-f]{1,6})");

    static ManifestExpectation parse(String expected) {
        List<String> parts = split(expected, ";");
        Map<String, String> values = new LinkedHashMap<>();
        for (String part : parts.subList(1, parts.size())) {
            int equals = part.indexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException("Manifest token without key=value: " + part);
            }
            if (values.put(part.substring(0, equals), part.substring(equals + 1)) != null) {
                throw new IllegalArgumentException("Manifest key given twice: " + part);
            }
        }
        return new ManifestExpectation(parts.getFirst(), values);
    }

    /** The values of one key, each decoded: null for {@code -}, a JSON literal as its string. */
    static List<String> decode(String value, boolean stringList) {
        List<String> decoded = new ArrayList<>();
        for (String token : split(value, stringList ? "||" : ",")) {
            decoded.add(decodeToken(token));
        }
        return decoded;
    }

    private static String decodeToken(String token) {
        if (token.equals("-")) {
            return null;
        }
        if (token.startsWith("\"")) {
            try {
                return JSON.readValue(token, String.class);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("Bad JSON string in manifest: " + token, e);
            }
        }
        return token;
    }

    /** {@code U+1F62E} (several code points separated by anything) to the text they spell. */
    static String fromCodePoints(String codePoints) {
        StringBuilder text = new StringBuilder();
        Matcher matcher = CODE_POINT.matcher(codePoints);
        while (matcher.find()) {
            text.appendCodePoint(Integer.parseInt(matcher.group(1), 16));
        }
        if (text.isEmpty()) {
            throw new IllegalArgumentException("Not code points: " + codePoints);
        }
        return text.toString();
    }

    /** Splits on a separator outside JSON string literals (which may hold escaped quotes). */
    static List<String> split(String text, String separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                part.append(c);
                if (c == '\\' && i + 1 < text.length()) {
                    part.append(text.charAt(++i));
                } else if (c == '"') {
                    inString = false;
                }
            } else if (text.startsWith(separator, i)) {
                parts.add(part.toString());
                part.setLength(0);
                i += separator.length() - 1;
            } else {
                if (c == '"') {
                    inString = true;
                }
                part.append(c);
            }
        }
        parts.add(part.toString());
        return parts;
    }
}
