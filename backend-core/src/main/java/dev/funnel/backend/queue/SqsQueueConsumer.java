package dev.funnel.backend.queue;

import dev.funnel.gateway.queue.QueueException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;

/** Long-polls an SQS queue (team and edge modes) for webhook bodies the gateway verified. */
public final class SqsQueueConsumer implements QueueConsumer {

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

    @Override
    public void delete(QueuedMessage message) {
        try {
            sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(message.handle()));
        } catch (SdkException e) {
            throw new QueueException("Cannot delete an SQS message: " + e.getMessage(), e);
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
