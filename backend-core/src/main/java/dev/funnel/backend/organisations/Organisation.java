package dev.funnel.backend.organisations;

import java.time.Instant;
import java.time.LocalTime;
import java.util.UUID;

/** A business using Funnel, with its sales profile and settings. */
public record Organisation(
        UUID id,
        String name,
        String businessProfile,
        String salesPlaybook,
        String tone,
        String timeZone,
        LocalTime quietHoursStart,
        LocalTime quietHoursEnd,
        int maxWords,
        int maxFollowups24h,
        int maxFollowupsTotal,
        String inviteCode,
        String simulatorPhoneNumberId,
        String llmBaseUrl,
        String llmModel,
        String llmApiKeyEncrypted,
        Instant createdAt,
        double minConfidence) {
}
