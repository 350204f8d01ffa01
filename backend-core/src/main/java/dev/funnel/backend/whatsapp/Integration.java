package dev.funnel.backend.whatsapp;

import java.util.UUID;

/** An organisation's connected WhatsApp Business number. The access token stays encrypted here. */
public record Integration(UUID organisationId, String phoneNumberId, String businessAccountId,
                          String displayPhoneNumber, String accessTokenEncrypted, String status) {
}
