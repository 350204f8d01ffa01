package dev.funnel.gateway;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GatewayMetricsTest {

    private final GatewayMetrics metrics = new GatewayMetrics();

    @Test
    void countsDeliveriesByStatusAndBytesOfAcceptedOnesOnly() {
        metrics.delivery(200, 1000, TimeUnit.MILLISECONDS.toNanos(2));
        metrics.delivery(200, 500, TimeUnit.MILLISECONDS.toNanos(4));
        metrics.delivery(403, 700, TimeUnit.MILLISECONDS.toNanos(1));

        assertThat(metrics.scrape())
                .contains("funnel_webhook_deliveries_total{status=\"200\"} 2\n")
                .contains("funnel_webhook_deliveries_total{status=\"403\"} 1\n")
                .contains("funnel_webhook_accepted_bytes_total 1500\n")
                .contains("funnel_webhook_ack_latency_seconds_count 2\n")
                .contains("funnel_webhook_ack_latency_seconds_sum 0.006\n");
    }

    @Test
    void ackLatencyQuantilesComeFromAcknowledgedDeliveries() {
        for (int i = 1; i <= 100; i++) {
            metrics.delivery(200, 1, TimeUnit.MILLISECONDS.toNanos(i));
        }
        metrics.delivery(503, 1, TimeUnit.SECONDS.toNanos(30));

        String text = metrics.scrape();

        assertThat(quantile(text, "0.5")).isBetween(0.049, 0.051);
        assertThat(quantile(text, "0.9")).isBetween(0.089, 0.091);
        assertThat(quantile(text, "0.99")).isBetween(0.098, 0.1);
    }

    @Test
    void quantilesKeepEverythingSinceStartAcrossScrapes() {
        metrics.delivery(200, 1, TimeUnit.MILLISECONDS.toNanos(100));
        metrics.scrape();
        metrics.delivery(200, 1, TimeUnit.MILLISECONDS.toNanos(1));

        assertThat(quantile(metrics.scrape(), "0.99")).isBetween(0.099, 0.101);
    }

    @Test
    void emptySummaryHasNaNQuantiles() {
        assertThat(metrics.scrape())
                .contains("funnel_webhook_ack_latency_seconds{quantile=\"0.5\"} NaN\n")
                .contains("# TYPE funnel_webhook_ack_latency_seconds summary\n");
    }

    @Test
    void enqueueFailuresAndRegisteredCountersAreExposed() {
        metrics.enqueueFailure();
        metrics.counter("funnel_sqs_send_batches_total", "Batches.", () -> 42);

        assertThat(metrics.scrape())
                .contains("# TYPE funnel_webhook_enqueue_failures_total counter\nfunnel_webhook_enqueue_failures_total 1\n")
                .contains("# HELP funnel_sqs_send_batches_total Batches.\n# TYPE funnel_sqs_send_batches_total counter\n"
                        + "funnel_sqs_send_batches_total 42\n");
    }

    private static double quantile(String text, String quantile) {
        String prefix = "funnel_webhook_ack_latency_seconds{quantile=\"" + quantile + "\"} ";
        return text.lines().filter(line -> line.startsWith(prefix))
                .mapToDouble(line -> Double.parseDouble(line.substring(prefix.length())))
                .findFirst().orElseThrow();
    }
}
