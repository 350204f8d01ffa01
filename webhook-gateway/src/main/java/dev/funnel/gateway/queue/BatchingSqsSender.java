package dev.funnel.gateway.queue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResultEntry;

/**
 * Sends messages with {@code SendMessageBatch} so concurrent callers share round trips instead of
 * queueing behind each other's {@code SendMessage}.
 *
 * <p>A few sender threads each take whatever is waiting (up to 10 entries and 256 KiB) and send it at
 * once. There is no linger: an idle sender sends a lone message immediately, and batches form only
 * while every sender is busy, which is exactly when waiting callers pile up. Each caller blocks until
 * SQS has answered for its own entry.
 */
final class BatchingSqsSender implements AutoCloseable {

    static final int MAX_ENTRIES = 10;
    static final int MAX_BATCH_BYTES = 256 * 1024;

    // Bounds a caller's wait even if a send hangs past the SDK's own timeouts and retries.
    private static final long MAX_WAIT_SECONDS = 60;

    /** One message to send; {@code groupId} and {@code deduplicationId} are null on a standard queue. */
    record Message(String body, Map<String, MessageAttributeValue> attributes, String groupId, String deduplicationId) {

        /** What SQS counts against the batch limit: the body and every attribute's name, type and value. */
        int size(int bodyBytes) {
            int size = bodyBytes;
            for (var attribute : attributes.entrySet()) {
                size += attribute.getKey().length() + attribute.getValue().dataType().length()
                        + attribute.getValue().stringValue().length();
            }
            return size;
        }
    }

    private record Pending(Message message, int size, CompletableFuture<Void> done) {
    }

    private final SqsClient client;
    private final String queueUrl;
    private final LinkedBlockingDeque<Pending> waiting = new LinkedBlockingDeque<>();
    private final List<Thread> senders = new ArrayList<>();
    private final LongAdder batches = new LongAdder();
    private final LongAdder sent = new LongAdder();
    private volatile boolean closed;

    BatchingSqsSender(SqsClient client, String queueUrl, int senderThreads) {
        if (senderThreads < 1) {
            throw new IllegalArgumentException("at least one sender thread is needed, was " + senderThreads);
        }
        this.client = client;
        this.queueUrl = queueUrl;
        // daemon threads: an owner that never calls close() (e.g. one that closes only the client) must
        // not keep the JVM alive
        var factory = Thread.ofPlatform().daemon().name("sqs-sender-", 1).factory();
        for (int i = 0; i < senderThreads; i++) {
            Thread sender = factory.newThread(this::sendWhileOpen);
            senders.add(sender);
            sender.start();
        }
    }

    /** Sends one message, returning once SQS accepted it. */
    void send(Message message, int bodyBytes) {
        if (closed) {
            throw new QueueException("the SQS sender is closed");
        }
        var pending = new Pending(message, message.size(bodyBytes), new CompletableFuture<>());
        waiting.add(pending);
        if (closed) {
            failWaiting(); // close() may have drained the deque just before this add
        }
        try {
            pending.done().get(MAX_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof QueueException queueException
                    ? queueException
                    : new QueueException("sending to SQS failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new QueueException("SQS did not answer within " + MAX_WAIT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QueueException("interrupted while waiting for SQS", e);
        }
    }

    /** How many SendMessageBatch calls were made. */
    long batches() {
        return batches.sum();
    }

    /** How many messages SQS accepted. */
    long sent() {
        return sent.sum();
    }

    @Override
    public void close() {
        closed = true;
        senders.forEach(Thread::interrupt);
        failWaiting();
    }

    private void failWaiting() {
        for (Pending pending; (pending = waiting.poll()) != null; ) {
            pending.done().completeExceptionally(new QueueException("the SQS sender was closed"));
        }
    }

    private void sendWhileOpen() {
        while (!closed) {
            List<Pending> batch;
            try {
                batch = nextBatch();
            } catch (InterruptedException e) {
                return;
            }
            try {
                sendBatch(batch);
            } catch (RuntimeException e) {
                // never let one bad batch kill a sender: its callers get the failure, the thread goes on
                batch.forEach(p -> p.done().completeExceptionally(
                        new QueueException("sending to SQS failed: " + e.getMessage(), e)));
            }
        }
    }

    // Blocks only while nothing waits; then takes what is there, without waiting for more.
    private List<Pending> nextBatch() throws InterruptedException {
        Pending first = waiting.take();
        List<Pending> batch = new ArrayList<>(MAX_ENTRIES);
        batch.add(first);
        int bytes = first.size();
        while (batch.size() < MAX_ENTRIES) {
            Pending next = waiting.poll();
            if (next == null) {
                break;
            }
            if (bytes + next.size() > MAX_BATCH_BYTES) {
                // back to the head, keeping its turn; another sender (or this one next) takes it
                waiting.addFirst(next);
                break;
            }
            batch.add(next);
            bytes += next.size();
        }
        return batch;
    }

    private void sendBatch(List<Pending> batch) {
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            Message message = batch.get(i).message();
            entries.add(SendMessageBatchRequestEntry.builder()
                    .id(Integer.toString(i))
                    .messageBody(message.body())
                    .messageAttributes(message.attributes())
                    .messageGroupId(message.groupId())
                    .messageDeduplicationId(message.deduplicationId())
                    .build());
        }
        SendMessageBatchResponse response;
        try {
            response = client.sendMessageBatch(r -> r.queueUrl(queueUrl).entries(entries));
        } catch (SdkException e) {
            var failure = new QueueException("SQS did not accept the batch: " + e.getMessage(), e);
            batch.forEach(p -> p.done().completeExceptionally(failure));
            return;
        } finally {
            batches.increment();
        }
        Map<String, QueueException> failures = failuresById(response, batch.size());
        for (int i = 0; i < batch.size(); i++) {
            QueueException failure = failures.get(Integer.toString(i));
            if (failure == null) {
                sent.increment();
                batch.get(i).done().complete(null);
            } else {
                batch.get(i).done().completeExceptionally(failure);
            }
        }
    }

    /**
     * Per-entry failures of a batch: SQS may accept some entries and refuse others. An entry that SQS
     * reports neither way counts as failed, since nothing says it was stored.
     */
    static Map<String, QueueException> failuresById(SendMessageBatchResponse response, int entryCount) {
        Map<String, QueueException> failures = new HashMap<>();
        for (int i = 0; i < entryCount; i++) {
            failures.put(Integer.toString(i), new QueueException("SQS gave no result for the message"));
        }
        for (SendMessageBatchResultEntry ok : response.successful()) {
            failures.remove(ok.id());
        }
        for (BatchResultErrorEntry failed : response.failed()) {
            failures.put(failed.id(), new QueueException(
                    "SQS refused the message: " + failed.code() + " " + failed.message()));
        }
        return failures;
    }
}
