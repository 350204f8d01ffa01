package dev.funnel.backend.followups;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class QuietHoursTest {

    private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");

    @Test
    void withinDaytimeQuietHoursTheyEndTheSameDay() {
        QuietHours lunch = new QuietHours(KOLKATA, LocalTime.of(13, 0), LocalTime.of(14, 0));

        assertThat(lunch.endAround(Instant.parse("2026-03-02T07:45:00Z"))) // 13:15 in Kolkata
                .contains(Instant.parse("2026-03-02T08:30:00Z"));
        assertThat(lunch.endAround(Instant.parse("2026-03-02T08:30:00Z"))).isEmpty();
    }

    @Test
    void overnightQuietHoursEndNextMorningInTheOrganisationsZone() {
        QuietHours night = new QuietHours(KOLKATA, LocalTime.of(22, 0), LocalTime.of(8, 0));

        assertThat(night.endAround(Instant.parse("2026-03-02T17:00:00Z"))) // 22:30 on the 2nd
                .contains(Instant.parse("2026-03-03T02:30:00Z"));
        assertThat(night.endAround(Instant.parse("2026-03-02T20:00:00Z"))) // 01:30 on the 3rd
                .contains(Instant.parse("2026-03-03T02:30:00Z"));
        assertThat(night.endAround(Instant.parse("2026-03-02T06:00:00Z"))).isEmpty(); // 11:30
    }

    @Test
    void withoutBothEndsThereAreNoQuietHours() {
        assertThat(new QuietHours(KOLKATA, LocalTime.of(22, 0), null).endAround(Instant.now())).isEmpty();
    }
}
