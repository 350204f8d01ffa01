package dev.funnel.backend.worker;

import dev.funnel.backend.conversations.ConversationRef;
import dev.funnel.backend.queue.QueueConsumer;
import dev.funnel.backend.queue.QueuedMessage;
import dev.funnel.backend.webhook.MalformedWebhookException;
import dev.funnel.backend.webhook.ParsedWebhook;
import dev.funnel.backend.webhook.WebhookParser;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Consumes the inbound queue. A received batch of webhook bodies is parsed and stored in one
 * transaction, and only after that commit are its queue messages deleted; the bot turns they call
 * for are then scheduled from what is in the database. If the batch cannot be stored, each body is
 * stored on its own, so one bad body holds back no other; a failure leaves that message for
 * redelivery, and after {@code maxReceives} attempts it is kept as a rejected webhook, never dropped.
 */
public final class Worker implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Worker.class.getName());
    private static final Duration POLL_WAIT = Duration.ofSeconds(20);

    private final QueueConsumer queue;
    private final WebhookParser parser = new WebhookParser();
    private final Ingestor ingestor;
    private final Rejections rejections;
    private final TurnScheduler turns;
    private final TurnProcessor processor;
    private final int maxReceives;
    private final Duration visibility;
    private final Clock clock;
    private final Thread thread;
    private final ScheduledExecutorService heartbeat =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("funnel-visibility").daemon().factory());
    private volatile boolean running = true;

    public Worker(QueueConsumer queue, Ingestor ingestor, Rejections rejections, TurnScheduler turns,
                  TurnProcessor processor, WorkerConfig config, Clock clock) {
        this.queue = queue;
        this.ingestor = ingestor;
        this.rejections = rejections;
        this.turns = turns;
        this.processor = processor;
        this.maxReceives = config.maxReceives();
        this.visibility = config.visibility();
        this.clock = clock;
        this.thread = BackgroundThreads.thread("funnel-worker", this::loop);
    }

    /**
     * Starts the worker's thread, which first resumes what a previous run left unfinished and then
     * consumes the queue; the server does not wait for the resuming (a scan of the messages).
     */
    public void start() {
        thread.start();
    }

    private void resume() {
        try {
            List<ConversationRef> unfinished = processor.recover();
            if (!unfinished.isEmpty()) {
                LOG.info(() -> "Resuming the bot turns of " + unfinished.size()
                        + " conversations that the previous run left unfinished");
            }
            for (ConversationRef pending : unfinished) {
                turns.runSoon(pending, Duration.ZERO);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not resume the replies and turns the previous run left unfinished", e);
        }
    }

    private void loop() {
        resume();
        int failures = 0;
        while (running) {
            try {
                List<QueuedMessage> batch = queue.receive(10, POLL_WAIT);
                ScheduledFuture<?> extender = keepInvisible(batch);
                try {
                    process(batch);
                } finally {
                    extender.cancel(false);
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

    /** While a batch is in work, its messages stay hidden from other consumers however long it takes. */
    private ScheduledFuture<?> keepInvisible(List<QueuedMessage> batch) {
        long period = Math.max(1, visibility.toSeconds() / 2);
        return heartbeat.scheduleAtFixedRate(() -> {
            for (QueuedMessage message : batch) {
                try {
                    queue.extend(message, visibility);
                } catch (RuntimeException e) {
                    LOG.log(Level.FINE, "Could not extend a message's visibility", e);
                }
            }
        }, period, period, TimeUnit.SECONDS);
    }

    void process(List<QueuedMessage> batch) {
        List<QueuedMessage> done = new ArrayList<>();
        Map<QueuedMessage, Ingestor.Received> parsed = new LinkedHashMap<>();
        for (QueuedMessage message : batch) {
            if (message.receiveCount() > maxReceives) {
                rejections.recordFailed(parser, message.body(), message.receiveCount(), clock.instant());
                done.add(message);
                continue;
            }
            try {
                parsed.put(message, new Ingestor.Received(parser.parse(message.body()), message.body()));
            } catch (MalformedWebhookException e) {
                rejections.record(null, "Unreadable webhook: " + e.getMessage(), message.receiveCount(),
                        message.body(), clock.instant());
                done.add(message);
            }
        }
        Set<ConversationRef> conversations = new LinkedHashSet<>();
        try {
            conversations.addAll(ingestor.ingest(List.copyOf(parsed.values())));
            done.addAll(parsed.keySet());
        } catch (RuntimeException batchFailure) {
            parsed.forEach((message, received) -> {
                try {
                    conversations.addAll(ingestor.ingest(List.of(received)));
                    done.add(message);
                } catch (RuntimeException e) {
                    Duration delay = Duration.ofSeconds(Math.min(300, 5L * message.receiveCount()));
                    LOG.log(Level.WARNING, "Storing a webhook failed (attempt " + message.receiveCount()
                            + "); it will be retried in " + delay.toSeconds() + " s", e);
                    queue.release(message, delay);
                }
            });
        }
        queue.delete(done);
        conversations.forEach(turns::messageArrived);
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
        heartbeat.shutdownNow();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        turns.close();
    }
}
