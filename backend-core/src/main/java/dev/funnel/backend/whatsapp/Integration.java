package dev.funnel.backend.whatsapp;

import java.util.UUID;

/**
 * An organisation's WhatsApp Business number. The access token stays encrypted here; {@code status} is
 * {@code connected} or {@code disconnected}, with {@code statusReason} saying why it was disconnected.
 */
public record Integration(UUID organisationId, String phoneNumberId, String businessAccountId,
                          String displayPhoneNumber, String accessTokenEncrypted, String status,
                          String statusReason) {

    public boolean connected() {
        return "connected".equals(status);
    }
}
