package dev.funnel.backend.queue;

import dev.funnel.gateway.queue.QueueException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;

/** Long-polls an SQS queue (team and edge modes) for webhook bodies the gateway verified. */
public final class SqsQueueConsumer implements QueueConsumer {

    private static final Logger LOG = Logger.getLogger(SqsQueueConsumer.class.getName());

    private final SqsClient sqs;
    private final String queueUrl;
    private final Duration visibility;

    /** @param visibility how long a received message stays hidden before the worker extends it */
    public SqsQueueConsumer(SqsClient sqs, String queueUrl, Duration visibility) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.visibility = visibility;
    }

    @Override
    public List<QueuedMessage> receive(int max, Duration wait) {
        try {
            return sqs.receiveMessage(ReceiveMessageRequest.builder()
                            .queueUrl(queueUrl)
                            .maxNumberOfMessages(Math.min(max, 10))
                            .waitTimeSeconds((int) Math.min(20, wait.toSeconds()))
                            .visibilityTimeout((int) Math.max(1, visibility.toSeconds()))
                            .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)
                            .build())
                    .messages().stream()
                    .map(m -> new QueuedMessage(m.receiptHandle(), m.body().getBytes(StandardCharsets.UTF_8),
                            Integer.parseInt(m.attributes().getOrDefault(
                                    MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "1"))))
                    .toList();
        } catch (SdkException e) {
            throw new QueueException("Cannot receive from SQS: " + e.getMessage(), e);
        }
    }

    /**
     * Deletes in batches of ten (SQS's limit). An entry SQS refuses is only logged: the message comes
     * back after its visibility timeout and the ingestor recognises it as already stored.
     */
    @Override
    public void delete(List<QueuedMessage> messages) {
        for (int from = 0; from < messages.size(); from += 10) {
            List<QueuedMessage> chunk = messages.subList(from, Math.min(messages.size(), from + 10));
            List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                entries.add(DeleteMessageBatchRequestEntry.builder()
                        .id(Integer.toString(i)).receiptHandle(chunk.get(i).handle()).build());
            }
            try {
                sqs.deleteMessageBatch(b -> b.queueUrl(queueUrl).entries(entries)).failed().forEach(failure ->
                        LOG.warning(() -> "SQS did not delete a stored message (it will be redelivered and"
                                + " recognised): " + failure.code() + " " + failure.message()));
            } catch (SdkException e) {
                throw new QueueException("Cannot delete SQS messages: " + e.getMessage(), e);
            }
        }
    }

    @Override
    public void extend(QueuedMessage message, Duration visibility) {
        release(message, visibility);
    }

    @Override
    public void release(QueuedMessage message, Duration delay) {
        try {
            sqs.changeMessageVisibility(b -> b.queueUrl(queueUrl).receiptHandle(message.handle())
                    .visibilityTimeout((int) Math.min(43_200, delay.toSeconds())));
        } catch (SdkException e) {
            throw new QueueException("Cannot release an SQS message: " + e.getMessage(), e);
        }
    }
}
