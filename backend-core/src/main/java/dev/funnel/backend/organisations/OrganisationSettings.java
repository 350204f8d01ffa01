package dev.funnel.backend.organisations;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;

/** The part of an organisation its admins edit, checked: what the bot says and when it follows up. */
public record OrganisationSettings(
        String name,
        String businessProfile,
        String salesPlaybook,
        String tone,
        ZoneId timeZone,
        LocalTime quietHoursStart,
        LocalTime quietHoursEnd,
        int maxFollowups24h,
        int maxFollowupsTotal,
        int maxWords,
        BigDecimal minConfidence,
        List<Integer> followupCadenceMinutes,
        int ghostedAfterHours) {

    /** The cadence as the follow-ups read it: minutes, ascending, comma-separated. */
    String cadenceText() {
        return followupCadenceMinutes.stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
    }
}
