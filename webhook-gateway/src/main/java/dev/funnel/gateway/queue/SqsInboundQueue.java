package dev.funnel.gateway.queue;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * Queues webhook bodies on SQS. Owns the client it is given: {@link #close()} closes it.
 *
 * <p>SQS message bodies are text, so the body travels as its UTF-8 text. Meta's JSON is UTF-8, and
 * decoding then re-encoding valid UTF-8 gives the same bytes, so the consumer can re-check the
 * signature over exactly what Meta signed. Bytes that are not valid UTF-8 are refused rather than
 * silently replaced, which would break that guarantee.
 */
public final class SqsInboundQueue implements InboundQueue, AutoCloseable {

    // All deliveries share one group: FIFO order across the whole stream, simplest to reason about.
    private static final String MESSAGE_GROUP = "webhook";
    private static final Duration REACHABILITY_TIMEOUT = Duration.ofSeconds(2);

    private final SqsClient client;
    private final String queueUrl;
    private final boolean fifo;

    public SqsInboundQueue(SqsClient client, String queueUrl) {
        this.client = client;
        this.queueUrl = queueUrl;
        this.fifo = queueUrl.endsWith(".fifo");
    }

    @Override
    public void enqueue(byte[] rawBody) {
        var request = SendMessageRequest.builder()
                .queueUrl(queueUrl)
                .messageBody(strictUtf8(rawBody));
        if (fifo) {
            // Meta redelivers identical bodies; SQS drops the copies that arrive within 5 minutes
            request.messageGroupId(MESSAGE_GROUP)
                    .messageDeduplicationId(sha256Hex(rawBody));
        }
        try {
            client.sendMessage(request.build());
        } catch (SdkException e) {
            throw new QueueException("SQS did not accept the message: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean isReachable() {
        try {
            client.getQueueAttributes(r -> r.queueUrl(queueUrl)
                    .overrideConfiguration(c -> c.apiCallTimeout(REACHABILITY_TIMEOUT)));
            return true;
        } catch (SdkException e) {
            return false;
        }
    }

    @Override
    public void close() {
        client.close();
    }

    private static String strictUtf8(byte[] body) {
        try {
            return UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new QueueException("the body is not valid UTF-8 and cannot travel as an SQS message", e);
        }
    }

    private static String sha256Hex(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }
}
