package dev.funnel.backend.followups;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/** An organisation's quiet hours in its own time zone; they may run over midnight (22:00–08:00). */
record QuietHours(ZoneId zone, LocalTime start, LocalTime end) {

    /** When the quiet hours around {@code at} end; empty when {@code at} is outside them or none are set. */
    Optional<Instant> endAround(Instant at) {
        if (start == null || end == null || start.equals(end)) {
            return Optional.empty();
        }
        ZonedDateTime local = at.atZone(zone);
        LocalTime time = local.toLocalTime();
        boolean overMidnight = start.isAfter(end);
        boolean quiet = overMidnight
                ? !time.isBefore(start) || time.isBefore(end)
                : !time.isBefore(start) && time.isBefore(end);
        if (!quiet) {
            return Optional.empty();
        }
        LocalDate endDay = overMidnight && !time.isBefore(start) ? local.toLocalDate().plusDays(1) : local.toLocalDate();
        return Optional.of(ZonedDateTime.of(endDay, end, zone).toInstant());
    }
}
