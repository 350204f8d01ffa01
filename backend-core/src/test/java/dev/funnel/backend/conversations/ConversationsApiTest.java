package dev.funnel.backend.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.funnel.backend.RunningBackend;
import dev.funnel.backend.testing.ApiClient;
import dev.funnel.backend.testing.ConnectedOrganisations;
import dev.funnel.backend.testing.EventsClient;
import dev.funnel.backend.testing.Waits;
import dev.funnel.backend.testing.Webhooks;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The inbox routes through the real backend: leads write through the signed webhook to organisations
 * without a model, so each message is stored and flagged for a person and nothing else moves.
 */
class ConversationsApiTest {

    private static final String APP_SECRET = "inbox-secret";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static ConnectedOrganisations organisations;
    private static RunningBackend backend;

    @BeforeAll
    static void start(@TempDir Path dataDir) {
        organisations = ConnectedOrganisations.start(dataDir, APP_SECRET, "55505");
        backend = organisations.backend();
    }

    @AfterAll
    static void stop() {
        organisations.close();
    }

    @Test
    void theInboxFiltersByModeStageIntentAttentionAndText() {
        ApiClient api = newOrganisation();
        String pune = leadWrites(api, "919800000001", "Do you ship to Pune?");
        String price = leadWrites(api, "919800000002", "Price please");
        String human = leadWrites(api, "919800000003", "hello");
        api.post("/conversations/" + human + "/takeover", "{}");
        api.patch("/conversations/" + pune, "{\"stage\":\"pricing\"}");
        api.patch("/leads/" + leadOf(api, price), "{\"intent_level\":\"high\"}");
        api.patch("/conversations/" + price, "{\"needs_attention\":false}");

        assertThat(ids(api.get("/conversations?mode=human"))).containsExactly(human);
        assertThat(ids(api.get("/conversations?stage=pricing"))).containsExactly(pune);
        assertThat(ids(api.get("/conversations?intent_level=high"))).containsExactly(price);
        assertThat(ids(api.get("/conversations?needs_attention=true"))).containsExactly(pune);
        assertThat(ids(api.get("/conversations?q=PUNE"))).containsExactly(pune);
        assertThat(ids(api.get("/conversations?q=Lead%20919800000002"))).containsExactly(price);
        assertThat(ids(api.get("/conversations?q=%2B91%2098000%2000003"))).containsExactly(human);
        assertThat(api.get("/conversations?needs_attention=maybe&stage=x").body().path("error").asText())
                .contains("needs_attention must be true or false", "stage must be one of");
    }

    @Test
    void theInboxStaysAPlainArrayAndPagesWithTheTotalInAHeader() {
        ApiClient api = newOrganisation();
        String first = leadWrites(api, "919800000011", "one");
        String second = leadWrites(api, "919800000012", "two");
        String third = leadWrites(api, "919800000013", "three");

        ApiClient.RawResponse page1 = api.getRaw("/conversations?limit=2");
        JsonNode page2 = api.get("/conversations?limit=2&offset=2").body();

        assertThat(api.get("/conversations").body().isArray()).isTrue();
        assertThat(ids(api.get("/conversations"))).containsExactly(third, second, first);
        assertThat(page1.headers().firstValue("X-Total-Count")).contains("3");
        assertThat(ids(api.get("/conversations?limit=2"))).containsExactly(third, second);
        assertThat(page2).extracting(c -> c.path("id").asText()).containsExactly(first);
    }

    @Test
    void clearingTheFlagIsAuditedAndTellsTheConsoles() {
        ApiClient api = newOrganisation();
        String id = leadWrites(api, "919800000021", "Can someone help?");

        try (EventsClient events = new EventsClient(backend.baseUri(), api.token())) {
            ApiClient.Response cleared = api.patch("/conversations/" + id,
                    "{\"needs_attention\":false,\"stage\":\"qualification\"}");

            assertThat(cleared.status()).isEqualTo(200);
            assertThat(cleared.body().path("needs_attention").asBoolean()).isFalse();
            assertThat(cleared.body().path("attention_reason").isNull()).isTrue();
            assertThat(cleared.body().path("stage").asText()).isEqualTo("qualification");
            events.await("conversation_updated", p -> p.path("id").asText().equals(id)
                    && !p.path("needs_attention").asBoolean(), WAIT);
        }
        String details = backend.db().inTransaction(tx -> tx.queryOne(
                "SELECT details FROM audit_log WHERE action = 'conversation.update' AND entity_id = ?",
                rs -> rs.getString(1), id)).orElseThrow();
        assertThat(details).isEqualTo("{\"fields\":[\"stage\",\"needs_attention\"]}");
    }

    @Test
    void aPatchThatCannotBeAppliedIsRefused() {
        ApiClient api = newOrganisation();
        String id = leadWrites(api, "919800000031", "hi");

        assertThat(api.patch("/conversations/" + id, "{\"needs_attention\":true}").body().path("error").asText())
                .contains("can only be cleared");
        assertThat(api.patch("/conversations/" + id, "{}").status()).isEqualTo(400);
        assertThat(api.patch("/conversations/" + id, "{\"stage\":\"sold\"}").body().path("error").asText())
                .contains("stage must be one of: greeting, qualification");
        assertThat(api.patch("/conversations/" + UUID.randomUUID(), "{\"stage\":\"lost\"}").status()).isEqualTo(404);
    }

    @Test
    void messagesArePagedBackwardsAndReadOldestFirst() {
        ApiClient api = newOrganisation();
        long start = Webhooks.aMinuteAgo() - 30;
        String id = null;
        for (int i = 1; i <= 4; i++) {
            id = leadWrites(api, "919800000041", "message " + i, start + i, i);
        }
        String conversation = id;

        JsonNode newest = api.get("/conversations/" + conversation + "/messages?limit=2").body();
        JsonNode older = api.get("/conversations/" + conversation + "/messages?limit=2&before="
                + newest.get(0).path("id").asText()).body();
        JsonNode beforeTime = api.get("/conversations/" + conversation + "/messages?before="
                + Instant.ofEpochSecond(start + 2)).body();

        assertThat(texts(newest)).containsExactly("message 3", "message 4");
        assertThat(texts(older)).containsExactly("message 1", "message 2");
        assertThat(texts(beforeTime)).containsExactly("message 1");
        assertThat(api.get("/conversations/" + conversation + "/messages?before=yesterday").status()).isEqualTo(400);
        assertThat(api.get("/conversations/" + conversation + "/messages?before=" + UUID.randomUUID()).status())
                .isEqualTo(400);
    }

    @Test
    void anotherOrganisationGetsNothingOfTheInbox() {
        ApiClient owner = newOrganisation();
        String id = leadWrites(owner, "919800000051", "private question");
        ApiClient stranger = newOrganisation();

        assertThat(stranger.get("/conversations?q=private").body()).isEmpty();
        assertThat(stranger.getRaw("/conversations").headers().firstValue("X-Total-Count")).contains("0");
        assertThat(stranger.patch("/conversations/" + id, "{\"needs_attention\":false}").status()).isEqualTo(404);
        assertThat(stranger.get("/conversations/" + id + "/messages").status()).isEqualTo(404);
        assertThat(owner.get("/conversations").body().get(0).path("needs_attention").asBoolean()).isTrue();
    }

    // --- helpers

    private static ApiClient newOrganisation() {
        return organisations.create();
    }

    private static String leadWrites(ApiClient api, String phone, String text) {
        return leadWrites(api, phone, text, Webhooks.aMinuteAgo(), 1);
    }

    /**
     * The lead writes through the signed webhook; returns its conversation once the message is stored and
     * its turn is over (these organisations have no model, so the turn flags the conversation for a person):
     * a turn still running would change the conversation after the test's next step.
     */
    private static String leadWrites(ApiClient api, String phone, String text, long epochSeconds, int messages) {
        assertThat(organisations.leadWrites(api, phone, text, epochSeconds)).isEqualTo(200);
        Waits.until("the lead's message and its turn", WAIT, () -> conversationOf(api, phone)
                .map(c -> api.get("/conversations/" + c + "/messages").body().size() == messages
                        && api.get("/conversations").body().valueStream().anyMatch(listed ->
                        listed.path("id").asText().equals(c) && listed.path("needs_attention").asBoolean()))
                .orElse(false));
        return conversationOf(api, phone).orElseThrow();
    }

    private static java.util.Optional<String> conversationOf(ApiClient api, String phone) {
        return api.get("/conversations").body().valueStream()
                .filter(c -> c.path("lead_phone").asText().equals(phone))
                .map(c -> c.path("id").asText()).findFirst();
    }

    private static String leadOf(ApiClient api, String conversation) {
        return api.get("/conversations").body().valueStream().filter(c -> c.path("id").asText().equals(conversation))
                .findFirst().orElseThrow().path("lead_id").asText();
    }

    private static List<String> ids(ApiClient.Response list) {
        assertThat(list.status()).isEqualTo(200);
        return list.body().valueStream().map(c -> c.path("id").asText()).toList();
    }

    private static List<String> texts(JsonNode messages) {
        return messages.valueStream().map(m -> m.path("content").asText()).toList();
    }
}
