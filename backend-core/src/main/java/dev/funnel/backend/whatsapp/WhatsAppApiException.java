package dev.funnel.backend.whatsapp;

import java.util.Set;

/** The Graph API refused or failed a call; carries Meta's error code and title when it gave them. */
public class WhatsAppApiException extends RuntimeException {

    /** What a refusal means for the message and the organisation (WHATSAPP.md, "Limits and errors"). */
    public enum Kind {
        /** Throughput, sending to one user too fast, or a passing fault at Meta: the same call may succeed later. */
        RETRIABLE,
        /** More than 24 hours since the lead last wrote: only an approved template may be sent now. */
        WINDOW_CLOSED,
        /** The access token expired or was revoked: someone must reconnect the number. */
        TOKEN_INVALID,
        /** Anything else: the message fails with Meta's code and title. */
        PERMANENT
    }

    private static final Set<String> RETRIABLE_CODES = Set.of("130429", "131056", "131000", "131016");

    private final int httpStatus;
    private final String code;
    private final String title;

    public WhatsAppApiException(int httpStatus, String code, String title, Throwable cause) {
        super("WhatsApp API error " + (code == null ? "HTTP " + httpStatus : code) + ": " + title, cause);
        this.httpStatus = httpStatus;
        this.code = code;
        this.title = title;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    /**
     * A failure to reach Meta at all (status 0) is not retried: the request may have been delivered,
     * and Meta takes no idempotency key, so a retry could send the message twice.
     */
    public Kind kind() {
        if ("131047".equals(code)) {
            return Kind.WINDOW_CLOSED;
        }
        if ("190".equals(code)) {
            return Kind.TOKEN_INVALID;
        }
        if ((code != null && RETRIABLE_CODES.contains(code)) || httpStatus == 429 || httpStatus >= 500) {
            return Kind.RETRIABLE;
        }
        return Kind.PERMANENT;
    }
}
