package dev.funnel.gateway.queue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** An embedded ElasticMQ on a free loopback port, for tests that need a real SQS protocol peer. */
public final class ElasticMq implements AutoCloseable {

    private final SQSRestServer server;
    private final URI endpoint;

    private ElasticMq(SQSRestServer server, int port) {
        this.server = server;
        this.endpoint = URI.create("http://127.0.0.1:" + port);
    }

    public static ElasticMq start() {
        SQSRestServer server = SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort().start();
        int port = server.waitUntilStarted().localAddress().getPort();
        return new ElasticMq(server, port);
    }

    public URI endpoint() {
        return endpoint;
    }

    /** A client built the way production builds it, pointed at this server. */
    public SqsClient client() {
        return SqsClients.create(new SqsQueueConfig("", "us-east-1", Optional.of(endpoint)), Duration.ofSeconds(5));
    }

    /** Creates a queue; a name ending in {@code .fifo} makes a FIFO queue. Returns its URL. */
    public static String createQueue(SqsClient client, String name) {
        Map<QueueAttributeName, String> attributes = name.endsWith(".fifo")
                ? Map.of(QueueAttributeName.FIFO_QUEUE, "true")
                : Map.of();
        return client.createQueue(r -> r.queueName(name).attributes(attributes)).queueUrl();
    }

    /** Whatever is on the queue now, waiting up to a second for the first message. */
    public static List<Message> receive(SqsClient client, String queueUrl) {
        return client.receiveMessage(r -> r.queueUrl(queueUrl)
                        .maxNumberOfMessages(10)
                        .waitTimeSeconds(1)
                        .messageSystemAttributeNames(MessageSystemAttributeName.ALL))
                .messages();
    }

    /** Messages waiting plus messages received and not yet deleted. */
    public static int inFlightOrWaiting(SqsClient client, String queueUrl) {
        Map<QueueAttributeName, String> attributes = client.getQueueAttributes(r -> r.queueUrl(queueUrl)
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    /** Stops without waiting for open long polls, which would otherwise hold the stop for their full wait. */
    public void stopNow() {
        server.stopAndGetFuture().apply();
    }

    @Override
    public void close() {
        server.stopAndWait();
    }
}
