package dev.funnel.backend.organisations;

import java.time.Instant;
import java.time.LocalTime;
import java.util.UUID;

/**
 * A business using Funnel, with its sales profile and settings.
 *
 * @param followupCadenceMinutes nudges this many minutes after the lead's last message, comma-separated
 * @param ghostedAfterHours      when a lead who never answered counts as ghosted
 */
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
        double minConfidence,
        String followupCadenceMinutes,
        int ghostedAfterHours) {
}
