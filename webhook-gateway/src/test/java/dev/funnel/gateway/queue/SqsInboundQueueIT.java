package dev.funnel.gateway.queue;

import dev.funnel.gateway.TestBodies;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
    void fifoQueueGroupsBySenderWithTheBodyHashAsDeduplicationId() throws Exception {
        String url = ElasticMq.createQueue(client, "inbound-" + QUEUE_NAMES.incrementAndGet() + ".fifo");
        byte[] body = TestBodies.withRawUtf8Text();
        String bodyHash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));

        new SqsInboundQueue(client, url).enqueue(body);

        assertThat(ElasticMq.receive(client, url)).singleElement().satisfies(message -> {
            assertThat(message.body().getBytes(UTF_8)).isEqualTo(body);
            assertThat(message.attributes())
                    .containsEntry(MessageSystemAttributeName.MESSAGE_GROUP_ID, "972987654321")
                    .containsEntry(MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID, bodyHash);
        });
    }

    @Test
    void fifoGroupFollowsEachBodysLeadAndMalformedBodiesShareTheFallbackGroup() {
        String url = ElasticMq.createQueue(client, "inbound-" + QUEUE_NAMES.incrementAndGet() + ".fifo");
        var queue = new SqsInboundQueue(client, url);
        byte[] status = new String(TestBodies.metaWebhook(TestBodies.STATUS_SENT), UTF_8)
                .replace("\"recipient_id\": \"972987654321\"", "\"recipient_id\": \"15550001111\"").getBytes(UTF_8);

        queue.enqueue(TestBodies.metaWebhook(TestBodies.TEXT_WITH_AD_REFERRAL));
        queue.enqueue(status);
        queue.enqueue("{\"entry\": [{\"changes\": [{\"value\": {\"messages\": [{\"from\": \"1\"".getBytes(UTF_8));

        assertThat(receiveAll(url, 3)).extracting(m -> m.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID))
                .containsExactlyInAnyOrder("972987654321", "15550001111", "webhook");
    }

    @Test
    void attributesTravelBesideTheUnchangedBody() {
        String url = ElasticMq.createQueue(client, "inbound-" + QUEUE_NAMES.incrementAndGet());
        byte[] body = TestBodies.metaWebhook(TestBodies.STATUS_SENT);

        new SqsInboundQueue(client, url).enqueue(body, Map.of(
                InboundQueue.RECEIVED_AT, "1700000000123", InboundQueue.SIGNATURE, "sha256=00ff"));

        Message message = client.receiveMessage(r -> r.queueUrl(url).waitTimeSeconds(1).messageAttributeNames("All"))
                .messages().getFirst();
        assertThat(message.body().getBytes(UTF_8)).isEqualTo(body);
        assertThat(message.messageAttributes().get(InboundQueue.RECEIVED_AT).stringValue()).isEqualTo("1700000000123");
        assertThat(message.messageAttributes().get(InboundQueue.SIGNATURE).stringValue()).isEqualTo("sha256=00ff");
    }

    @Test
    void concurrentEnqueuesShareBatchesAndEachLandsExactlyOnce() throws Exception {
        String url = ElasticMq.createQueue(client, "inbound-" + QUEUE_NAMES.incrementAndGet());
        var queue = new SqsInboundQueue(client, url);
        String template = new String(TestBodies.metaWebhook(TestBodies.TEXT_WITH_AD_REFERRAL), UTF_8);
        int count = 200;
        var start = new CountDownLatch(1);
        List<Future<?>> sends = new ArrayList<>();
        try (ExecutorService callers = Executors.newFixedThreadPool(50)) {
            for (int i = 0; i < count; i++) {
                byte[] body = template.replace("wamid.ID", "wamid." + i).getBytes(UTF_8);
                sends.add(callers.submit(() -> {
                    start.await();
                    queue.enqueue(body);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> send : sends) {
                send.get();
            }
        }

        Set<String> ids = new HashSet<>();
        for (Message message : receiveAll(url, count)) {
            String id = message.body().replaceAll("(?s).*\"id\": \"(wamid\\.\\d+)\".*", "$1");
            assertThat(ids.add(id)).as("duplicate " + id).isTrue();
        }
        assertThat(ids).hasSize(count);
        assertThat(queue.messagesSent()).isEqualTo(count);
        assertThat(queue.batchesSent()).as("SendMessageBatch calls for %d messages", count).isLessThan(count);
    }

    @Test
    void closedQueueRefusesToEnqueue() {
        ElasticMq ownServer = ElasticMq.start();
        SqsClient ownClient = ownServer.client();
        var queue = new SqsInboundQueue(ownClient, ElasticMq.createQueue(ownClient, "closing"));

        queue.close();

        assertThatThrownBy(() -> queue.enqueue(new byte[] {'{', '}'})).isInstanceOf(QueueException.class);
        ownServer.close();
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
                .isInstanceOf(UnqueueableBodyException.class);
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

    private static List<Message> receiveAll(String url, int expected) {
        List<Message> all = new ArrayList<>();
        for (int polls = 0; all.size() < expected && polls < expected; polls++) {
            List<Message> messages = ElasticMq.receive(client, url);
            all.addAll(messages);
            // delete as we go: a FIFO queue hands out no more of a group while one of it is in flight
            messages.forEach(m -> client.deleteMessage(r -> r.queueUrl(url).receiptHandle(m.receiptHandle())));
        }
        assertThat(ElasticMq.receive(client, url)).as("messages beyond the expected %d", expected).isEmpty();
        return all;
    }
}
