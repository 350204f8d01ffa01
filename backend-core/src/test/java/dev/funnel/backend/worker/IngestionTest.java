package dev.funnel.backend.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.backend.RunningBackend;
import dev.funnel.backend.pipeline.PipelineStep;
import dev.funnel.backend.testing.ApiClient;
import dev.funnel.backend.testing.LlmScripts;
import dev.funnel.backend.testing.RecordingGraphServer;
import dev.funnel.backend.testing.ScriptedLlmServer;
import dev.funnel.backend.testing.SoloStack;
import dev.funnel.backend.testing.Waits;
import dev.funnel.backend.testing.Webhooks;
import dev.funnel.backend.webhook.InboundMessage;
import dev.funnel.backend.webhook.WebhookParser;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ingestion through the backend's own {@code /webhook} and local queue on H2: every real Meta body,
 * delivered twice, stored once; bursts become one turn; media served on demand; nothing dropped.
 */
class IngestionTest {

    private static final String APP_SECRET = "ingestion-secret";
    private static final String PHONE_NUMBER_ID = "1122334455667";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static SoloStack stack;
    private static ScriptedLlmServer llm;
    private static RecordingGraphServer graph;
    private static RunningBackend backend;
    private static ApiClient api;

    @BeforeAll
    static void start(@TempDir Path dataDir) {
        stack = SoloStack.start(dataDir, "Fixture Co", APP_SECRET, PHONE_NUMBER_ID, Map.of("FUNNEL_DEBOUNCE_MS", "400"));
        llm = stack.llm();
        graph = stack.graph();
        backend = stack.backend();
        api = stack.api();
        LlmScripts.sendNow(llm, "Thanks for your message!");
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void everyRealBodyDeliveredTwiceIsStoredExactlyOnce() {
        List<String> fixtures = fixtures();
        Set<String> expectedKeys = new TreeSet<>();
        WebhookParser parser = new WebhookParser();
        for (String name : fixtures) {
            for (InboundMessage m : parser.parse(Webhooks.fixture(name)).messages()) {
                if (PHONE_NUMBER_ID.equals(m.phoneNumberId())) {
                    expectedKeys.add(m.dedupKey());
                }
            }
        }

        for (int round = 0; round < 2; round++) {
            for (String name : fixtures) {
                assertThat(post(Webhooks.fixture(name))).as(name).isEqualTo(200);
            }
        }
        awaitQueueEmpty();

        List<String> keys = backend.db().inTransaction(tx -> tx.query(
                "SELECT inbound_key FROM messages WHERE message_from = 'lead' AND inbound_key IS NOT NULL",
                rs -> rs.getString(1)));
        Set<String> stored = new TreeSet<>(keys);
        assertThat(expectedKeys).as("distinct messages among the real bodies").hasSizeGreaterThanOrEqualTo(15);
        assertThat(stored).containsAll(expectedKeys);
        assertThat(count("SELECT COUNT(*) FROM template_status_events WHERE meta_template_id = '1689556908129832'"))
                .isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM rejected_webhooks WHERE reason LIKE '%106540352242922%'"))
                .as("a message for a number nobody connected is kept, not dropped").isEqualTo(2);
    }

    @Test
    void aBurstFromOneLeadIsOneTurnAnsweredOnceWithEveryMessageInOrder() {
        long t = Webhooks.aMinuteAgo();
        // delivered out of order: the lead's timestamps decide the order the bot reads them in
        post(Webhooks.text(PHONE_NUMBER_ID, "4930111222", "wamid.b2", t + 2, "second: is there a warranty?"));
        post(Webhooks.text(PHONE_NUMBER_ID, "4930111222", "wamid.b1", t + 1, "first: hello"));
        post(Webhooks.text(PHONE_NUMBER_ID, "4930111222", "wamid.b3", t + 3, "third: and the price?"));

        Waits.until("one reply", WAIT, () -> sendsTo("4930111222") == 1);
        Waits.until("the turn to close", WAIT, () -> count(
                "SELECT COUNT(*) FROM messages WHERE wa_message_id IN ('wamid.b1','wamid.b2','wamid.b3') "
                        + "AND turn_status = 'done'") == 3);
        List<String> prompts = llm.requests().stream()
                .filter(r -> r.step() == PipelineStep.ANALYZE && r.user().contains("first: hello"))
                .map(ScriptedLlmServer.RecordedRequest::user).toList();
        assertThat(prompts).as("one turn read the whole burst").hasSize(1);
        String prompt = prompts.getFirst();
        assertThat(prompt.indexOf("first: hello")).isLessThan(prompt.indexOf("second: is there a warranty?"));
        assertThat(prompt.indexOf("second: is there a warranty?")).isLessThan(prompt.indexOf("third: and the price?"));
    }

    @Test
    void aMessageMetaDeliversLateIsStillShownToTheModelInItsTurn() {
        long now = Webhooks.aMinuteAgo() + 60;
        post(Webhooks.text(PHONE_NUMBER_ID, "4930111333", "wamid.l1", now - 30, "hello, one question"));
        Waits.until("the first reply", WAIT, () -> sendsTo("4930111333") == 1);
        post(Webhooks.text(PHONE_NUMBER_ID, "4930111333", "wamid.l2", now - 20, "and another one"));
        Waits.until("the second reply", WAIT, () -> sendsTo("4930111333") == 2);
        // written before both replies, delivered after them (Meta retried it): older than the newest three
        post(Webhooks.text(PHONE_NUMBER_ID, "4930111333", "wamid.l0", now - 3_000, "written an hour ago: is delivery free?"));

        Waits.until("the third reply", WAIT, () -> sendsTo("4930111333") == 3);
        assertThat(llm.requests()).filteredOn(r -> r.step() == PipelineStep.ANALYZE)
                .last().satisfies(r -> assertThat(r.user()).contains("written an hour ago: is delivery free?"));
    }

    @Test
    void aReactionIsStoredButStartsNoTurn() {
        int analyzeBefore = analyzeCalls();
        post(Webhooks.fixture("reaction__pywa_escaped_emoji.json"));

        Waits.until("the reaction to be stored", WAIT, () -> count(
                "SELECT COUNT(*) FROM messages WHERE message_type = 'reaction' AND turn_status = 'no_reply'") >= 1);
        assertThat(analyzeCalls()).isEqualTo(analyzeBefore);
    }

    @Test
    void mediaIsServedOnDemandAndCached() throws Exception {
        post(Webhooks.fixture("image__pywa_with_media_url.json"));
        Waits.until("the image message", WAIT,
                () -> count("SELECT COUNT(*) FROM messages WHERE media_id = '65463453'") >= 1);
        String id = backend.db().inTransaction(tx -> tx.queryOne(
                "SELECT id FROM messages WHERE media_id = '65463453'", rs -> rs.getString(1))).orElseThrow();

        HttpResponse<byte[]> first = getMedia(id);
        long mediaCalls = mediaCalls();
        HttpResponse<byte[]> second = getMedia(id);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).isEqualTo(RecordingGraphServer.mediaBytes("65463453"));
        assertThat(first.headers().firstValue("Content-Type")).contains("image/jpeg");
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(mediaCalls()).isEqualTo(mediaCalls);
    }

    /** The bot's turn for the image may mark it read meanwhile: only media downloads count here. */
    private static long mediaCalls() {
        return graph.calls().stream().filter(c -> "GET".equals(c.method())).count();
    }

    @Test
    void aSignedBodyThatIsNotJsonIsRecordedAsRejected() {
        assertThat(post("{\"object\": not json".getBytes(StandardCharsets.UTF_8))).isEqualTo(200);

        Waits.until("the rejection", WAIT,
                () -> count("SELECT COUNT(*) FROM rejected_webhooks WHERE reason LIKE 'Unreadable webhook:%JSON%'") >= 1);
        assertThat(api.get("/webhooks/rejected").body().path("unattributed_count").asInt()).isPositive();
    }

    @Test
    void aWebhookThatFailedOnEveryAttemptIsKeptAndShownToItsOrganisation() {
        byte[] body = Webhooks.text(PHONE_NUMBER_ID, "4930555666", "wamid.failing", Webhooks.aMinuteAgo() + 500, "hello?");
        // as if the worker had already tried it five times (FUNNEL_MAX_RECEIVES) and crashed each time
        backend.db().inTransactionRun(tx -> tx.update(
                "INSERT INTO inbound_queue (body, enqueued_at, visible_at, receive_count) VALUES (?, ?, ?, 5)",
                body, java.time.Instant.now(), java.time.Instant.now()));

        Waits.until("the rejection", WAIT, () -> count(
                "SELECT COUNT(*) FROM rejected_webhooks WHERE reason = 'Failed after 5 attempts'") == 1);
        ApiClient.Response listed = api.get("/webhooks/rejected");

        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body().path("items")).anySatisfy(item -> {
            assertThat(item.path("reason").asText()).isEqualTo("Failed after 5 attempts");
            assertThat(item.path("receive_count").asInt()).isEqualTo(6);
            assertThat(item.path("size").asInt()).isEqualTo(body.length);
        });
        assertThat(count("SELECT COUNT(*) FROM messages WHERE wa_message_id = 'wamid.failing'")).isZero();
    }

    @Test
    void aBodyTheDatabaseRefusesHoldsBackNoOtherBodyOfItsBatch() {
        // a real refusal from the database, for one lead only
        backend.db().inTransactionRun(tx -> tx.update(
                "ALTER TABLE leads ADD CONSTRAINT test_refused_lead CHECK (phone <> '4930777000')"));
        try {
            List<byte[]> batch = List.of(
                    Webhooks.text(PHONE_NUMBER_ID, "4930777001", "wamid.batch.1", Webhooks.aMinuteAgo() + 600, "first"),
                    Webhooks.text(PHONE_NUMBER_ID, "4930777000", "wamid.batch.refused", Webhooks.aMinuteAgo() + 601, "refused"),
                    Webhooks.text(PHONE_NUMBER_ID, "4930777002", "wamid.batch.2", Webhooks.aMinuteAgo() + 602, "second"));
            // queued in one transaction, so the worker receives them as one batch
            backend.db().inTransactionRun(tx -> {
                for (byte[] body : batch) {
                    tx.update("INSERT INTO inbound_queue (body, enqueued_at, visible_at) VALUES (?, ?, ?)",
                            body, java.time.Instant.now(), java.time.Instant.now());
                }
            });

            Waits.until("the two good bodies", WAIT, () -> count(
                    "SELECT COUNT(*) FROM messages WHERE wa_message_id IN ('wamid.batch.1', 'wamid.batch.2')") == 2);
            Waits.until("the refused body back in the queue", WAIT, () -> count(
                    "SELECT COUNT(*) FROM inbound_queue WHERE receive_count = 1") == 1);
            assertThat(count("SELECT COUNT(*) FROM inbound_queue")).isEqualTo(1);
            assertThat(count("SELECT COUNT(*) FROM messages WHERE wa_message_id = 'wamid.batch.refused'")).isZero();
        } finally {
            backend.db().inTransactionRun(tx -> tx.update("ALTER TABLE leads DROP CONSTRAINT test_refused_lead"));
        }
        // once the database takes it, the redelivery stores it
        backend.db().inTransactionRun(tx -> tx.update("UPDATE inbound_queue SET visible_at = ?", java.time.Instant.now()));
        awaitQueueEmpty();
        assertThat(count("SELECT COUNT(*) FROM messages WHERE wa_message_id = 'wamid.batch.refused'")).isEqualTo(1);
    }

    @Test
    void statusWebhooksMoveOurMessageForwardOnly() {
        ApiClient.Response sim = api.post("/debug/simulate", "{\"from_phone\":\"4930999000\",\"text\":\"hi\"}");
        assertThat(sim.status()).isEqualTo(202);
        Waits.until("the simulated reply", WAIT, () -> count(
                "SELECT COUNT(*) FROM messages WHERE message_from = 'bot' AND wa_message_id LIKE 'wamid.sim.%'") >= 1);
        String waId = backend.db().inTransaction(tx -> tx.queryOne(
                "SELECT wa_message_id FROM messages WHERE message_from = 'bot' AND wa_message_id LIKE 'wamid.sim.%'",
                rs -> rs.getString(1))).orElseThrow();
        String simulatorNumber = backend.db().inTransaction(tx -> tx.queryOne(
                "SELECT simulator_phone_number_id FROM organisations", rs -> rs.getString(1))).orElseThrow();

        post(status(simulatorNumber, waId, "read"));
        post(status(simulatorNumber, waId, "delivered"));
        Waits.until("statuses applied", WAIT, () -> count(
                "SELECT COUNT(*) FROM message_statuses WHERE wa_message_id = '" + waId + "'") == 2);

        java.util.Optional<String> status = backend.db().inTransaction(tx -> tx.queryOne(
                "SELECT status FROM messages WHERE wa_message_id = ?", rs -> rs.getString(1), waId));
        assertThat(status).contains("read");
    }

    private static byte[] status(String phoneNumberId, String waId, String status) {
        return """
                {"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{
                "messaging_product":"whatsapp","metadata":{"phone_number_id":"%s"},
                "statuses":[{"id":"%s","status":"%s","timestamp":"1750000000","recipient_id":"4930999000"}]}}]}]}"""
                .formatted(phoneNumberId, waId, status).getBytes(StandardCharsets.UTF_8);
    }

    private static HttpResponse<byte[]> getMedia(String id) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(backend.baseUri() + "/media/" + id))
                .header("Authorization", "Bearer " + api.token()).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static int post(byte[] body) {
        return Webhooks.postSigned(backend.baseUri().resolve("/webhook"), APP_SECRET, body);
    }

    private static void awaitQueueEmpty() {
        Waits.until("the local queue to drain", WAIT, () -> count("SELECT COUNT(*) FROM inbound_queue") == 0);
    }

    private static int sendsTo(String phone) {
        return (int) graph.calls().stream().filter(c -> phone.equals(c.body().path("to").asText())).count();
    }

    private static int analyzeCalls() {
        return (int) llm.requests().stream().filter(r -> r.step() == PipelineStep.ANALYZE).count();
    }

    private static int count(String sql) {
        return backend.db().inTransaction(tx -> tx.queryOne(sql, rs -> rs.getInt(1)).orElseThrow());
    }

    /** Every fixture listed in the manifest, by file name. */
    private static List<String> fixtures() {
        try (InputStream in = IngestionTest.class.getResourceAsStream("/meta-webhooks/MANIFEST.tsv")) {
            List<String> names = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String name = line.split("\t")[0];
                if (name.endsWith(".json")) {
                    names.add(name);
                }
            }
            return names;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

}
