package dev.funnel.console.common;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** Short, local-time labels for message, conversation and webhook times. */
public final class Times {

    private static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM");
    private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("d MMM HH:mm");

    private Times() {
    }

    /** "14:05" for today, "3 Nov" for older days, "" when unknown. */
    public static String shortLabel(Instant time, Clock clock) {
        if (time == null) {
            return "";
        }
        ZonedDateTime local = time.atZone(clock.getZone());
        return local.toLocalDate().equals(LocalDate.now(clock)) ? CLOCK_TIME.format(local) : DAY.format(local);
    }

    public static String shortLabel(Instant time) {
        return shortLabel(time, Clock.systemDefaultZone());
    }

    public static String clockTime(Instant time) {
        return time == null ? "" : CLOCK_TIME.format(time.atZone(Clock.systemDefaultZone().getZone()));
    }

    /** "22 Nov 06:30", for lists where entries span several days; "" when unknown. */
    public static String dayAndTime(Instant time) {
        return time == null ? "" : DAY_AND_TIME.format(time.atZone(Clock.systemDefaultZone().getZone()));
    }
}
