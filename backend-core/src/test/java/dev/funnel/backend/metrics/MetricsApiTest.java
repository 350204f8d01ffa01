package dev.funnel.backend.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.backend.testing.ApiClient;
import dev.funnel.backend.testing.LlmScripts;
import dev.funnel.backend.testing.SoloStack;
import dev.funnel.backend.testing.Waits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /metrics}: what an operator scrapes, counted from the real path, and nothing of an organisation's data. */
class MetricsApiTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void countsDeliveriesEventsAndWaitingWorkWithoutAnyOrganisationsData(@TempDir Path dataDir) {
        try (SoloStack stack = SoloStack.start(dataDir, "Metric Motors", "metrics-secret", "5550007778881",
                Map.of("FUNNEL_DEBOUNCE_MS", "0"))) {
            LlmScripts.sendNow(stack.llm(), "Our service starts at 40 euros.");
            stack.postText("4915112345678", "wamid.metrics.1", "How much is a service?");
            Waits.until("the reply", WAIT, () -> stack.graph().sendCount() >= 1);

            ApiClient.RawResponse r = new ApiClient(stack.backend().baseUri()).getRaw("/metrics");

            assertThat(r.status()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
            assertThat(r.body())
                    .contains("funnel_webhook_deliveries_total{status=\"200\"} 1\n")
                    .contains("# TYPE funnel_events_published_total counter\n")
                    .containsPattern("funnel_events_published_total\\{event=\"message_created\"} [2-9]\n")
                    .contains("# TYPE funnel_local_queue_messages gauge\n")
                    .contains("funnel_local_queue_messages 0\n")
                    .contains("funnel_conversations_needing_attention 0\n")
                    .containsPattern("funnel_followups_pending [0-9]+\n")
                    .contains("funnel_followups_overdue 0\n")
                    .contains("funnel_console_connections 0\n")
                    .doesNotContain("4915112345678", "Metric Motors", "How much is a service?");
        }
    }
}
