package dev.funnel.backend.organisations;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.funnel.backend.http.Fields;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * An organisation's settings as JSON: what {@code GET /organisation} shows and {@code PATCH} accepts.
 * Times of day are "HH:mm"; the cadence is a list of minutes after the lead's last message;
 * {@code followupTemplate} is null when none is chosen.
 */
record SettingsBody(
        String name,
        String businessProfile,
        String salesPlaybook,
        String tone,
        String timeZone,
        String quietHoursStart,
        String quietHoursEnd,
        @JsonProperty("max_followups_24h") Integer maxFollowups24h,
        Integer maxFollowupsTotal,
        Integer maxWords,
        Double minConfidence,
        List<Integer> followupCadenceMinutes,
        Integer ghostedAfterHours,
        FollowupTemplate followupTemplate) {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
    private static final String HH_MM_PATTERN = "([01][0-9]|2[0-3]):[0-5][0-9]";
    private static final int MAX_TEXT = 20_000;
    private static final int MAX_NUDGES = 10;
    private static final int MAX_NUDGE_MINUTES = 7 * 24 * 60;
    private static final int MAX_GHOSTED_HOURS = 30 * 24;

    static SettingsBody of(Organisation org, FollowupTemplate followupTemplate) {
        return new SettingsBody(org.name(), org.businessProfile(), org.salesPlaybook(), org.tone(), org.timeZone(),
                time(org.quietHoursStart()), time(org.quietHoursEnd()), org.maxFollowups24h(),
                org.maxFollowupsTotal(), org.maxWords(), org.minConfidence(),
                Arrays.stream(org.followupCadenceMinutes().split(",")).map(String::strip).filter(m -> !m.isEmpty())
                        .map(Integer::valueOf).toList(),
                org.ghostedAfterHours(), followupTemplate);
    }

    /**
     * @param fields problems found already (with the follow-up template), reported with these
     * @throws dev.funnel.backend.http.ApiException 400 naming every field that is not acceptable
     */
    OrganisationSettings validate(Fields fields) {
        List<Integer> cadence = followupCadenceMinutes == null ? List.of() : followupCadenceMinutes;
        int lastNudge = cadence.stream().filter(Objects::nonNull).mapToInt(Integer::intValue).max().orElse(0);
        boolean quietStartOk = quietHoursStart == null || quietHoursStart.matches(HH_MM_PATTERN);
        boolean quietEndOk = quietHoursEnd == null || quietHoursEnd.matches(HH_MM_PATTERN);
        fields.required("name", name).maxLength("name", name, 200)
                .maxLength("business_profile", businessProfile, MAX_TEXT)
                .maxLength("sales_playbook", salesPlaybook, MAX_TEXT)
                .required("tone", tone).maxLength("tone", tone, 200)
                .required("time_zone", timeZone)
                .check("time_zone", timeZone == null || zone(timeZone) != null,
                        "time_zone must be a time zone id such as Asia/Kolkata or Europe/Berlin")
                .check("quiet_hours_start", quietStartOk, "quiet_hours_start must be a time of day as HH:mm, e.g. 22:00")
                .check("quiet_hours_end", quietEndOk, "quiet_hours_end must be a time of day as HH:mm, e.g. 08:00")
                .check("quiet_hours_end", quietHoursStart == null || quietHoursEnd != null,
                        "quiet_hours_end is needed with quiet_hours_start (null for both means no quiet hours)")
                .check("quiet_hours_start", quietHoursEnd == null || quietHoursStart != null,
                        "quiet_hours_start is needed with quiet_hours_end (null for both means no quiet hours)")
                .check("quiet_hours_end", quietHoursStart == null || !quietHoursStart.equals(quietHoursEnd),
                        "quiet_hours_end must differ from quiet_hours_start")
                .check("max_followups_24h", within(maxFollowups24h, 0, 24), "max_followups_24h must be 0 to 24")
                .check("max_followups_total", within(maxFollowupsTotal, 0, 100), "max_followups_total must be 0 to 100")
                .check("max_words", within(maxWords, 10, 300), "max_words must be 10 to 300")
                .check("min_confidence", minConfidence != null && minConfidence >= 0 && minConfidence <= 1,
                        "min_confidence must be 0 to 1")
                .check("followup_cadence_minutes", followupCadenceMinutes != null && cadence.size() <= MAX_NUDGES
                                && cadence.stream().allMatch(m -> within(m, 1, MAX_NUDGE_MINUTES))
                                && new HashSet<>(cadence).size() == cadence.size(),
                        "followup_cadence_minutes must be a list of up to " + MAX_NUDGES + " different minutes, each 1 to "
                                + MAX_NUDGE_MINUTES + ", e.g. [10, 180, 360]")
                .check("ghosted_after_hours", within(ghostedAfterHours, 1, MAX_GHOSTED_HOURS),
                        "ghosted_after_hours must be 1 to " + MAX_GHOSTED_HOURS)
                .check("ghosted_after_hours", ghostedAfterHours == null || ghostedAfterHours * 60L > lastNudge,
                        "ghosted_after_hours must come after the last follow-up of followup_cadence_minutes")
                .validate();
        return new OrganisationSettings(name.strip(), blankToNull(businessProfile), blankToNull(salesPlaybook),
                tone.strip(), zone(timeZone), localTime(quietHoursStart), localTime(quietHoursEnd), maxFollowups24h,
                maxFollowupsTotal, maxWords, BigDecimal.valueOf(minConfidence).setScale(2, RoundingMode.HALF_UP),
                cadence.stream().sorted().toList(), ghostedAfterHours);
    }

    private static boolean within(Integer value, int min, int max) {
        return value != null && value >= min && value <= max;
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id.strip());
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static String time(LocalTime time) {
        return time == null ? null : time.format(HH_MM);
    }

    private static LocalTime localTime(String hhmm) {
        return hhmm == null ? null : LocalTime.parse(hhmm, HH_MM);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
