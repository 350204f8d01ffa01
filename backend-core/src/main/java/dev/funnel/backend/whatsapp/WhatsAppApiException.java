package dev.funnel.backend.whatsapp;

/** The Graph API refused or failed a call; carries Meta's error code and title when it gave them. */
public class WhatsAppApiException extends RuntimeException {

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
}
