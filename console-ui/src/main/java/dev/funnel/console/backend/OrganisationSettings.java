package dev.funnel.console.backend;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The organisation's profile, tone and follow-up rules as {@code GET /organisation} shows them. Times of
 * day are "HH:mm" in {@code timeZone} (both quiet-hour ends null: no quiet hours); {@code inviteCode}
 * is sent to admins only; {@code followupTemplate} is null when none is chosen.
 */
public record OrganisationSettings(
        String id,
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
        String inviteCode,
        FollowupTemplate followupTemplate) {
}
