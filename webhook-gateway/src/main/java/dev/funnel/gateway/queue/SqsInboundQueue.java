package dev.funnel.gateway.queue;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * Queues webhook bodies on SQS. Owns the client it is given: {@link #close()} closes it.
 *
 * <p>SQS message bodies are text, so the body travels as its UTF-8 text. Meta's JSON is UTF-8, and
 * decoding then re-encoding valid UTF-8 gives the same bytes, so the consumer can re-check the
 * signature over exactly what Meta signed. Bytes SQS cannot carry unchanged (not UTF-8, characters
 * outside SQS's allowed set, an empty body) are refused rather than silently altered.
 *
 * <p>Concurrent enqueues share {@code SendMessageBatch} calls (see {@link BatchingSqsSender}). On a
 * FIFO queue ({@code .fifo} URL) each lead is its own message group and the body's SHA-256 is the
 * deduplication id.
 */
public final class SqsInboundQueue implements InboundQueue, AutoCloseable {

    /**
     * Sender threads, each with its own connection: the JDK keeps at most 5 idle HTTP connections per
     * host ({@code http.maxConnections}), so more senders would reconnect instead of batching more.
     */
    public static final int DEFAULT_SENDERS = 4;

    private static final Duration REACHABILITY_TIMEOUT = Duration.ofSeconds(2);
    private static final String STRING = "String";

    private final SqsClient client;
    private final String queueUrl;
    private final boolean fifo;
    private final BatchingSqsSender sender;

    public SqsInboundQueue(SqsClient client, String queueUrl) {
        this(client, queueUrl, DEFAULT_SENDERS);
    }

    public SqsInboundQueue(SqsClient client, String queueUrl, int senders) {
        this.client = client;
        this.queueUrl = queueUrl;
        this.fifo = queueUrl.endsWith(".fifo");
        this.sender = new BatchingSqsSender(client, queueUrl, senders);
    }

    @Override
    public void enqueue(byte[] rawBody) {
        enqueue(rawBody, Map.of());
    }

    /** Attributes travel as SQS String message attributes; null or empty values are left out. */
    @Override
    public void enqueue(byte[] rawBody, Map<String, String> attributes) {
        String text = sqsText(rawBody);
        Map<String, MessageAttributeValue> messageAttributes = new LinkedHashMap<>();
        attributes.forEach((name, value) -> {
            if (value != null && !value.isEmpty()) {
                messageAttributes.put(name, MessageAttributeValue.builder().dataType(STRING).stringValue(value).build());
            }
        });
        var message = fifo
                ? new BatchingSqsSender.Message(text, messageAttributes, FifoIds.groupId(rawBody), FifoIds.deduplicationId(rawBody))
                : new BatchingSqsSender.Message(text, messageAttributes, null, null);
        sender.send(message, rawBody.length);
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

    /** How many SendMessageBatch calls were made (each carries 1 to 10 messages). */
    public long batchesSent() {
        return sender.batches();
    }

    /** How many messages SQS accepted. */
    public long messagesSent() {
        return sender.sent();
    }

    @Override
    public void close() {
        sender.close();
        client.close();
    }

    /** The body as SQS message text, or an {@link UnqueueableBodyException} saying why it cannot be. */
    static String sqsText(byte[] body) {
        if (body.length == 0) {
            throw new UnqueueableBodyException("the body is empty and SQS takes no empty message");
        }
        String text;
        try {
            text = UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new UnqueueableBodyException("the body is not valid UTF-8 and cannot travel as an SQS message");
        }
        for (int i = 0; i < text.length(); i++) {
            if (!sqsAllows(text.charAt(i))) {
                throw new UnqueueableBodyException(String.format(
                        "the body holds the character U+%04X, which SQS does not accept", (int) text.charAt(i)));
            }
        }
        return text;
    }

    // SQS: #x9 | #xA | #xD | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to #x10FFFF. Surrogates come in
    // pairs here (the strict decoder refuses lone ones), which is how Java spells #x10000 and above.
    private static boolean sqsAllows(char c) {
        return c >= 0x20 ? c < 0xFFFE : c == '\t' || c == '\n' || c == '\r';
    }
}
