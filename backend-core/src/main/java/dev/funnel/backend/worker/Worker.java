package dev.funnel.backend.worker;

import dev.funnel.backend.queue.QueueConsumer;
import dev.funnel.backend.queue.QueuedMessage;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Consumes the inbound queue: parse each webhook body, handle every lead message in it, and delete
 * the queue message only after all of that is committed. A failure leaves the message for
 * redelivery, with a growing delay.
 */
public final class Worker implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Worker.class.getName());
    private static final Duration POLL_WAIT = Duration.ofSeconds(20);

    private final QueueConsumer queue;
    private final WebhookParser parser;
    private final TurnProcessor turns;
    private final Thread thread;
    private volatile boolean running = true;

    public Worker(QueueConsumer queue, WebhookParser parser, TurnProcessor turns) {
        this.queue = queue;
        this.parser = parser;
        this.turns = turns;
        this.thread = Thread.ofPlatform().name("funnel-worker").daemon().unstarted(this::loop);
    }

    public void start() {
        thread.start();
    }

    private void loop() {
        int failures = 0;
        while (running) {
            try {
                List<QueuedMessage> batch = queue.receive(10, POLL_WAIT);
                for (QueuedMessage message : batch) {
                    if (!running) {
                        return;
                    }
                    process(message);
                }
                failures = 0;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                failures++;
                LOG.log(Level.WARNING, "The inbound queue cannot be read; retrying", e);
                sleep(Duration.ofSeconds(Math.min(30, 1L << Math.min(failures, 5))));
            }
        }
    }

    void process(QueuedMessage message) {
        List<InboundEvent> events;
        try {
            events = parser.parse(message.body());
        } catch (WebhookParser.MalformedWebhookException e) {
            LOG.warning(() -> "Rejected a queued webhook (" + message.body().length + " bytes): " + e.getMessage());
            queue.delete(message);
            return;
        }
        try {
            for (InboundEvent event : events) {
                turns.handle(event);
            }
            queue.delete(message);
        } catch (RuntimeException e) {
            Duration delay = Duration.ofSeconds(Math.min(300, 5L * message.receiveCount()));
            LOG.log(Level.WARNING, "Handling a webhook failed (attempt " + message.receiveCount()
                    + "); it will be retried in " + delay.toSeconds() + " s", e);
            queue.release(message, delay);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
