package dev.funnel.gateway.queue;

import dev.funnel.gateway.TestBodies;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SqsInboundQueueIT {

    private static final AtomicInteger QUEUE_NAMES = new AtomicInteger();

    private static ElasticMq elasticMq;
    private static SqsClient client;

    @BeforeAll
    static void startElasticMq() {
        elasticMq = ElasticMq.start();
        client = elasticMq.client();
    }

    @AfterAll
    static void stopElasticMq() {
        client.close();
        elasticMq.close();
    }

    @Test
    void standardQueueReceivesTheBodyTextUnchanged() {
        String url = ElasticMq.createQueue(client, "inbound-" + QUEUE_NAMES.incrementAndGet());
        byte[] body = TestBodies.withRawUtf8Text();

        new SqsInboundQueue(client, url).enqueue(body);

        List<Message> messages = ElasticMq.receive(client, url);
        assertThat(messages).singleElement().satisfies(message -> {
            assertThat(message.body()).isEqualTo(new String(body, UTF_8));
            assertThat(message.body().getBytes(UTF_8)).isEqualTo(body);
        });
    }

    @Test
    void escapedBodyStaysEscaped() {
        String url = ElasticMq.createQueue(client, "inbound-" + QUEUE_NAMES.incrementAndGet());
        byte[] body = TestBodies.metaWebhook(TestBodies.REACTION_WITH_ESCAPED_EMOJI);

        new SqsInboundQueue(client, url).enqueue(body);

        assertThat(ElasticMq.receive(client, url)).singleElement()
                .satisfies(message -> assertThat(message.body().getBytes(UTF_8)).isEqualTo(body));
    }

    @Test
    void fifoQueueGetsTheWebhookGroupAndTheBodyHashAsDeduplicationId() throws Exception {
        String url = ElasticMq.createQueue(client, "inbound-" + QUEUE_NAMES.incrementAndGet() + ".fifo");
        byte[] body = TestBodies.withRawUtf8Text();
        String bodyHash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));

        new SqsInboundQueue(client, url).enqueue(body);

        assertThat(ElasticMq.receive(client, url)).singleElement().satisfies(message -> {
            assertThat(message.body().getBytes(UTF_8)).isEqualTo(body);
            assertThat(message.attributes())
                    .containsEntry(MessageSystemAttributeName.MESSAGE_GROUP_ID, "webhook")
                    .containsEntry(MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID, bodyHash);
        });
    }

    @Test
    void fifoQueueDropsARedeliveryOfTheSameBody() {
        String url = ElasticMq.createQueue(client, "inbound-" + QUEUE_NAMES.incrementAndGet() + ".fifo");
        byte[] body = TestBodies.metaWebhook(TestBodies.STATUS_SENT);
        var queue = new SqsInboundQueue(client, url);

        queue.enqueue(body);
        queue.enqueue(body);

        assertThat(ElasticMq.receive(client, url)).hasSize(1);
    }

    @Test
    void enqueueToAMissingQueueThrowsQueueException() {
        String url = ElasticMq.createQueue(client, "inbound-" + QUEUE_NAMES.incrementAndGet());
        client.deleteQueue(r -> r.queueUrl(url));

        assertThatThrownBy(() -> new SqsInboundQueue(client, url).enqueue(new byte[] {'{', '}'}))
                .isInstanceOf(QueueException.class);
    }

    @Test
    void bodyThatIsNotUtf8IsRefusedRatherThanAltered() {
        String url = ElasticMq.createQueue(client, "inbound-" + QUEUE_NAMES.incrementAndGet());

        assertThatThrownBy(() -> new SqsInboundQueue(client, url).enqueue(new byte[] {'"', (byte) 0xC3, '"'}))
                .isInstanceOf(QueueException.class);
        assertThat(ElasticMq.receive(client, url)).isEmpty();
    }

    @Test
    void queueIsReachableWhileElasticMqRunsAndUnreachableOnceItStops() {
        ElasticMq ownServer = ElasticMq.start();
        try (SqsClient ownClient = ownServer.client()) {
            var queue = new SqsInboundQueue(ownClient, ElasticMq.createQueue(ownClient, "health"));
            assertThat(queue.isReachable()).isTrue();

            ownServer.close();

            assertThat(queue.isReachable()).isFalse();
        }
    }
}
