package dev.funnel.console.backend;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Every editable organisation setting, sent whole to {@code PATCH /organisation}; null clears an optional one
 * (a null {@code followupTemplate} chooses none).
 */
public record OrganisationSettingsUpdate(
        String name,
        String businessProfile,
        String salesPlaybook,
        String tone,
        String timeZone,
        String quietHoursStart,
        String quietHoursEnd,
        @JsonProperty("max_followups_24h") int maxFollowups24h,
        int maxFollowupsTotal,
        int maxWords,
        double minConfidence,
        List<Integer> followupCadenceMinutes,
        int ghostedAfterHours,
        FollowupTemplate followupTemplate) {
}
