package dev.funnel.backend.followups;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * An organisation's follow-up cadence: nudges at these delays after the lead's last message, and
 * the conversation counted as ghosted {@code ghostedAfter} that message when the lead never answered.
 */
record Cadence(List<Duration> nudges, Duration ghostedAfter) {

    /** A time already past becomes this far from now, so nothing is due "in the past". */
    static final Duration SOON = Duration.ofMinutes(1);

    /** @param minutes comma-separated minutes after the lead's last message, e.g. "10,180,360" */
    static Cadence of(String minutes, int ghostedAfterHours) {
        List<Duration> nudges;
        try {
            nudges = Arrays.stream(minutes.split(",")).map(String::strip).filter(m -> !m.isEmpty())
                    .map(m -> Duration.ofMinutes(Long.parseLong(m))).sorted().toList();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("followup_cadence_minutes must be minutes separated by commas, such "
                    + "as 10,180,360, not '" + minutes + "'", e);
        }
        if (nudges.stream().anyMatch(d -> !d.isPositive()) || ghostedAfterHours <= 0) {
            throw new IllegalArgumentException("follow-up delays must be positive");
        }
        return new Cadence(nudges, Duration.ofHours(ghostedAfterHours));
    }

    /** One step of the cadence: a nudge (its number, from 1) or, with none left, the ghost check. */
    record Step(ScheduledAction.Type type, int nudge, Instant at) {
    }

    /**
     * What follows once the bot last spoke at {@code botSpokeAt}: the first nudge due after it, counted
     * from the lead's last message; when every nudge time has gone by, the ghost check.
     */
    Step next(Instant leadWroteAt, Instant botSpokeAt, Instant now) {
        Instant anchor = leadWroteAt == null ? now : leadWroteAt;
        for (int i = 0; i < nudges.size(); i++) {
            Instant at = anchor.plus(nudges.get(i));
            if (botSpokeAt == null || at.isAfter(botSpokeAt)) {
                return new Step(ScheduledAction.Type.FOLLOWUP, i + 1, notPast(at, now));
            }
        }
        return new Step(ScheduledAction.Type.GHOST_CHECK, 0, notPast(anchor.plus(ghostedAfter), now));
    }

    static Instant notPast(Instant at, Instant now) {
        return at.isAfter(now) ? at : now.plus(SOON);
    }
}
