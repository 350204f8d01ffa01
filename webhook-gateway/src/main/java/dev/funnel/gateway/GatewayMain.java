package dev.funnel.gateway;

import dev.funnel.gateway.queue.SqsClients;
import dev.funnel.gateway.queue.SqsInboundQueue;
import io.helidon.logging.common.LogConfig;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import java.lang.System.Logger;
import java.time.Duration;

import static java.lang.System.Logger.Level.INFO;

/** Starts the public webhook endpoint: {@code java -jar webhook-gateway.jar}, configured by environment. */
public final class GatewayMain {

    private static final Logger LOG = System.getLogger(GatewayMain.class.getName());

    /** Exit status for configuration errors, so scripts can tell them from crashes. */
    private static final int BAD_CONFIGURATION = 2;

    // The gateway only sends, so requests are short; well under Meta's delivery timeout.
    private static final Duration SQS_SOCKET_TIMEOUT = Duration.ofSeconds(10);

    private GatewayMain() {
    }

    public static void main(String[] args) {
        GatewayConfig config;
        try {
            config = GatewayConfig.fromEnvironment(System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("webhook-gateway: " + e.getMessage());
            System.exit(BAD_CONFIGURATION);
            return;
        }
        LogConfig.configureRuntime();

        // the client lives as long as the process, so it is never closed
        var queue = new SqsInboundQueue(SqsClients.create(config.sqs(), SQS_SOCKET_TIMEOUT), config.sqs().queueUrl());
        var metrics = new GatewayMetrics();
        metrics.counter("funnel_sqs_send_batches_total", "SendMessageBatch calls made.", queue::batchesSent);
        metrics.counter("funnel_sqs_sent_messages_total", "Messages SQS accepted.", queue::messagesSent);
        var webhook = new WebhookService(config.appSecret(), config.verifyToken(), queue, metrics);
        var health = new HealthService(queue);

        WebServer server = WebServer.builder()
                .host("0.0.0.0")
                .port(config.port())
                .routing(routing -> routing(routing, webhook, health, new MetricsService(metrics)))
                .build()
                .start();
        LOG.log(INFO, "webhook-gateway listening on port {0,number,#}, queue {1}", server.port(), config.sqs().queueUrl());
    }

    /** The routes of the gateway; shared by {@link #main} and the tests. */
    public static void routing(HttpRouting.Builder routing, WebhookService webhook, HealthService health) {
        routing.register(webhook, health);
    }

    /** The routes with {@code GET /metrics}. */
    public static void routing(HttpRouting.Builder routing, WebhookService webhook, HealthService health,
                               MetricsService metrics) {
        routing.register(webhook, health, metrics);
    }
}
