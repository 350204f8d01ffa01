package dev.funnel.console.dashboard;

import java.time.Duration;

/** A wait as a person says it: "3 s", "4 min", "2 h 5 min", "1 d 3 h". */
final class Durations {

    private Durations() {
    }

    static String words(long millis) {
        Duration d = Duration.ofMillis(millis);
        if (d.toSeconds() < 1) {
            return "under 1 s";
        }
        if (d.toMinutes() < 1) {
            return d.toSeconds() + " s";
        }
        if (d.toHours() < 1) {
            return d.toMinutes() + " min";
        }
        if (d.toDays() < 1) {
            return d.toHours() + " h" + (d.toMinutesPart() == 0 ? "" : " " + d.toMinutesPart() + " min");
        }
        return d.toDays() + " d" + (d.toHoursPart() == 0 ? "" : " " + d.toHoursPart() + " h");
    }
}
