package dev.funnel.console.backend;

/** The organisation's WhatsApp Business connection as the backend reports it; the access token is never returned. */
public record WhatsAppSettings(boolean connected, String phoneNumberId, String businessAccountId,
                               String displayPhoneNumber, String status) {
}
