package dev.funnel.gateway.queue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The FIFO keys of a webhook body. The group is the lead (the sender of a message, or the recipient of
 * a status), so one lead's deliveries stay in order while different leads are processed in parallel;
 * deliveries that name no lead share one group.
 */
final class FifoIds {

    static final String FALLBACK_GROUP = "webhook";

    private static final String FROM = "/entry/0/changes/0/value/messages/0/from";
    private static final String RECIPIENT = "/entry/0/changes/0/value/statuses/0/recipient_id";
    private static final String PHONE_NUMBER_ID = "/entry/0/changes/0/value/metadata/phone_number_id";

    // What SQS accepts as a MessageGroupId; anything else would make every send of the body fail.
    private static final Pattern VALID_GROUP = Pattern.compile("[\\x21-\\x7E]{1,128}");

    private static final JsonFactory JSON = new JsonFactory();

    private FifoIds() {
    }

    /** The lead this body is about, or {@value #FALLBACK_GROUP} for anything else, malformed JSON included. */
    static String groupId(byte[] body) {
        String from = null;
        String recipient = null;
        String phoneNumberId = null;
        // The whole document is read, so a body is either well-formed JSON or falls back: one simple rule.
        try (JsonParser parser = JSON.createParser(body)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token != JsonToken.VALUE_STRING || !isCandidateName(parser.currentName())) {
                    continue;
                }
                String path = parser.getParsingContext().pathAsPointer().toString();
                String value = parser.getText();
                if (from == null && path.equals(FROM)) {
                    from = valid(value);
                } else if (recipient == null && path.equals(RECIPIENT)) {
                    recipient = valid(value);
                } else if (phoneNumberId == null && path.equals(PHONE_NUMBER_ID)) {
                    phoneNumberId = valid(value);
                }
            }
        } catch (IOException | RuntimeException malformed) {
            // includes the parser's limits on nesting depth and token sizes
            return FALLBACK_GROUP;
        }
        return from != null ? from : recipient != null ? recipient : phoneNumberId != null ? phoneNumberId : FALLBACK_GROUP;
    }

    /** Meta redelivers identical bodies; SQS drops copies with the same id within 5 minutes. */
    static String deduplicationId(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    private static boolean isCandidateName(String name) {
        return "from".equals(name) || "recipient_id".equals(name) || "phone_number_id".equals(name);
    }

    private static String valid(String value) {
        return VALID_GROUP.matcher(value).matches() ? value : null;
    }
}
