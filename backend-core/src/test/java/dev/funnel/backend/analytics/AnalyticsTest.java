package dev.funnel.backend.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AnalyticsTest {

    @Test
    void percentilesAreNearestRank() {
        Analytics.Latency latency = Analytics.Latency.of(List.of(50L, 10L, 40L, 20L, 30L, 60L, 70L, 80L, 90L, 100L));

        assertThat(latency.count()).isEqualTo(10);
        assertThat(latency.p50Ms()).isEqualTo(50);
        assertThat(latency.p90Ms()).isEqualTo(90);
        assertThat(Analytics.Latency.of(List.of(7L))).isEqualTo(new Analytics.Latency(1, 7L, 7L));
        assertThat(Analytics.Latency.of(List.of())).isEqualTo(new Analytics.Latency(0, null, null));
    }

    @Test
    void aHandoffReasonIsCountedByWhatComesBeforeItsDetails() {
        assertThat(Analytics.reason("The bot could not answer (timeout: 90 s): please reply yourself"))
                .isEqualTo("The bot could not answer");
        assertThat(Analytics.reason("The bot handed this conversation to a person: wants a discount"))
                .isEqualTo("The bot handed this conversation to a person");
        assertThat(Analytics.reason("No language model is configured, so the bot did not answer"))
                .isEqualTo("No language model is configured, so the bot did not answer");
        assertThat(Analytics.reason(null)).isEqualTo("unspecified");
    }
}
