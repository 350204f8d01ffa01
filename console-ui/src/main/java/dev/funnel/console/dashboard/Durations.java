package dev.funnel.console.dashboard;

/** A wait as a person says it, to the nearest unit: "3 s", "4 min", "2 h 5 min", "1 d 3 h". */
final class Durations {

    private Durations() {
    }

    static String words(long millis) {
        if (millis < 1000) {
            return "under 1 s";
        }
        long seconds = Math.round(millis / 1000.0);
        if (seconds < 60) {
            return seconds + " s";
        }
        long minutes = Math.round(seconds / 60.0);
        if (minutes < 60) {
            return minutes + " min";
        }
        long hours = minutes / 60;
        if (hours < 24) {
            return hours + " h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " min");
        }
        return hours / 24 + " d" + (hours % 24 == 0 ? "" : " " + hours % 24 + " h");
    }
}
