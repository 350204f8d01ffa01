package dev.funnel.backend.followups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CadenceTest {

    private static final Instant LEAD_WROTE = Instant.parse("2026-03-02T10:00:00Z");
    private final Cadence cadence = Cadence.of("10, 180,360", 24);

    @Test
    void theFirstNudgeComesTenMinutesAfterTheLeadsLastMessage() {
        Cadence.Step step = cadence.next(LEAD_WROTE, LEAD_WROTE.plusSeconds(5), LEAD_WROTE.plusSeconds(5));

        assertThat(step).isEqualTo(new Cadence.Step(ScheduledAction.Type.FOLLOWUP, 1, LEAD_WROTE.plus(minutes(10))));
    }

    @Test
    void eachNudgeFollowsTheBotsLastMessage() {
        Instant firstNudgeSent = LEAD_WROTE.plus(minutes(10));
        Instant waitedFollowupSent = LEAD_WROTE.plus(minutes(180));

        assertThat(cadence.next(LEAD_WROTE, firstNudgeSent, firstNudgeSent).at()).isEqualTo(LEAD_WROTE.plus(minutes(180)));
        assertThat(cadence.next(LEAD_WROTE, waitedFollowupSent, waitedFollowupSent))
                .isEqualTo(new Cadence.Step(ScheduledAction.Type.FOLLOWUP, 3, LEAD_WROTE.plus(minutes(360))));
    }

    @Test
    void afterTheLastNudgeComesTheGhostCheck() {
        Instant lastNudgeSent = LEAD_WROTE.plus(minutes(360));

        assertThat(cadence.next(LEAD_WROTE, lastNudgeSent, lastNudgeSent))
                .isEqualTo(new Cadence.Step(ScheduledAction.Type.GHOST_CHECK, 0, LEAD_WROTE.plus(Duration.ofHours(24))));
    }

    @Test
    void aTimeAlreadyPastBecomesAMinuteFromNow() {
        Instant now = LEAD_WROTE.plus(minutes(30));

        assertThat(cadence.next(LEAD_WROTE, null, now).at()).isEqualTo(now.plus(minutes(1)));
        assertThat(cadence.next(LEAD_WROTE, now, LEAD_WROTE.plus(Duration.ofHours(30))).at())
                .isEqualTo(LEAD_WROTE.plus(Duration.ofHours(30)).plus(minutes(1)));
    }

    @Test
    void aCadenceThatIsNoListOfMinutesIsRefused() {
        assertThatThrownBy(() -> Cadence.of("10,3h", 24)).hasMessageContaining("10,180,360");
        assertThatThrownBy(() -> Cadence.of("0", 24)).hasMessageContaining("positive");
    }

    private static Duration minutes(long minutes) {
        return Duration.ofMinutes(minutes);
    }
}
