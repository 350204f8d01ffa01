package dev.funnel.backend.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One message a lead sent us.
 *
 * @param phoneNumberId     our number it was sent to ({@code metadata.phone_number_id}); routes to an
 *                          organisation
 * @param businessAccountId {@code entry[].id}
 * @param from              the lead's phone number; null only when Meta identified the lead by user id
 *                          alone (then {@code contactUserId} is set)
 * @param contactWaId       {@code contacts[].wa_id} of the sender's contact entry
 * @param contactUserId     the lead's business-scoped user id ({@code from_user_id} or {@code contacts[].user_id})
 * @param timestamp         when the lead sent it; null if Meta's value was unreadable
 * @param type              the raw {@code type}, also for types {@code content} reads as {@code Other}
 * @param context           what it replies to or whether it was forwarded; null if absent
 * @param referral          the ad the lead came from; null if absent
 * @param rawJson           the message object as received, for types and fields read later
 */
public record InboundMessage(String phoneNumberId, String displayPhoneNumber, String businessAccountId,
                             String from, String contactWaId, String contactUserId, String profileName,
                             String waMessageId, Instant timestamp, String type, MessageContent content,
                             MessageContext context, Referral referral, String rawJson) {

    /** A one-line description for a chat list: the text itself, a caption, or a bracketed summary. */
    public String displayText() {
        return DisplayText.of(content);
    }

    /**
     * The key to deduplicate deliveries with. Meta's retries repeat id, sender, timestamp and type; the
     * id alone is not enough because some senders reuse placeholder ids for different messages. When
     * Meta sent no phone number the user id stands in for the sender.
     */
    public String dedupKey() {
        String sender = from != null ? from : contactUserId;
        String key = Objects.toString(waMessageId, "") + "\n" + Objects.toString(sender, "") + "\n"
                + (timestamp == null ? "" : Long.toString(timestamp.getEpochSecond())) + "\n"
                + Objects.toString(type, "");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform provides SHA-256", e);
        }
    }
}
