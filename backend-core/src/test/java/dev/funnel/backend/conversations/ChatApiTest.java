package dev.funnel.backend.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.funnel.backend.RunningBackend;
import dev.funnel.backend.testing.ApiClient;
import dev.funnel.backend.testing.ConnectedOrganisations;
import dev.funnel.backend.testing.EventsClient;
import dev.funnel.backend.testing.RecordingGraphServer;
import dev.funnel.backend.testing.Waits;
import dev.funnel.backend.testing.Webhooks;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the console's chat needs through the real backend and signed webhooks: the unread badge and
 * marking a chat read, reactions shown on their message, and media with what a preview needs.
 */
class ChatApiTest {

    private static final String APP_SECRET = "chat-secret";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static ConnectedOrganisations organisations;
    private static RunningBackend backend;

    @BeforeAll
    static void start(@TempDir Path dataDir) {
        organisations = ConnectedOrganisations.start(dataDir, APP_SECRET, "55612");
        backend = organisations.backend();
    }

    @AfterAll
    static void stop() {
        organisations.close();
    }

    @Test
    void leadMessagesAreUnreadUntilAPersonOpensTheChatAndTheOtherConsolesHearIt() {
        ApiClient api = organisations.create();
        String phone = "919811000001";
        leadSends(api, phone, "wamid.U1", "text", "{\"body\":\"hello\"}", 1);
        String id = leadSends(api, phone, "wamid.U2", "text", "{\"body\":\"are you there?\"}", 2);

        int unreadBefore = conversation(api, id).path("unread_count").asInt();
        try (EventsClient events = new EventsClient(backend.baseUri(), api.token())) {
            ApiClient.Response read = api.post("/conversations/" + id + "/read", "{}");

            assertThat(read.status()).isEqualTo(200);
            assertThat(read.body().path("unread_count").asInt()).isZero();
            events.await("conversation_updated", p -> p.path("id").asText().equals(id)
                    && p.path("unread_count").asInt() == 0, WAIT);
        }
        assertThat(unreadBefore).isEqualTo(2);
        assertThat(conversation(api, id).path("unread_count").asInt()).isZero();
        assertThat(api.post("/conversations/" + id + "/read", "{}").status()).as("reading twice is fine").isEqualTo(200);
        assertThat(api.post("/conversations/" + UUID.randomUUID() + "/read", "{}").status()).isEqualTo(404);
    }

    @Test
    void aReactionShowsOnItsMessageAndTakingItBackRemovesIt() {
        ApiClient api = organisations.create();
        String phone = "919811000002";
        String id = leadSends(api, phone, "wamid.R1", "text", "{\"body\":\"Is 40 the final price?\"}", 1);

        leadSends(api, phone, "wamid.R2", "reaction", "{\"message_id\":\"wamid.R1\",\"emoji\":\"\\ud83d\\ude2e\"}", 2);
        JsonNode reacted = messages(api, id);
        leadSends(api, phone, "wamid.R3", "reaction", "{\"message_id\":\"wamid.R1\"}", 3);
        JsonNode unreacted = messages(api, id);

        assertThat(reacted).hasSize(1);
        assertThat(reacted.get(0).path("lead_reaction").asText()).isEqualTo("😮");
        assertThat(unreacted).hasSize(1);
        assertThat(unreacted.get(0).path("lead_reaction").isNull()).isTrue();
        assertThat(conversation(api, id).path("unread_count").asInt()).as("reactions are not unread messages")
                .isEqualTo(1);
    }

    @Test
    void aReactionToAMessageTheConversationDoesNotHaveStaysAMessage() {
        ApiClient api = organisations.create();
        String id = leadSends(api, "919811000003", "wamid.R9", "reaction",
                "{\"message_id\":\"wamid.NOT-HERE\",\"emoji\":\"\\ud83d\\udc4d\"}", 1);

        JsonNode only = messages(api, id).get(0);

        assertThat(only.path("message_type").asText()).isEqualTo("reaction");
        assertThat(only.path("reacts_to_wa_id").asText()).isEqualTo("wamid.NOT-HERE");
        assertThat(only.path("reaction_emoji").asText()).isEqualTo("👍");
    }

    @Test
    void mediaMessagesSayWhatAPreviewNeedsAndTheirBytesAreServed() throws Exception {
        ApiClient api = organisations.create();
        String phone = "919811000004";
        leadSends(api, phone, "wamid.M1", "image", "{\"id\":\"img-77\",\"mime_type\":\"image/jpeg\",\"sha256\":\"x\"}", 1);
        String id = leadSends(api, phone, "wamid.M2", "document", "{\"id\":\"doc-78\",\"mime_type\":"
                + "\"application/pdf\",\"sha256\":\"y\",\"filename\":\"quote.pdf\"}", 2);

        JsonNode list = messages(api, id);
        JsonNode image = list.get(0);
        JsonNode document = list.get(1);
        HttpResponse<byte[]> bytes = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(backend.baseUri() + "/media/" + image.path("id").asText()))
                .header("Authorization", "Bearer " + api.token()).build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(image.path("media_id").asText()).isEqualTo("img-77");
        assertThat(image.path("media_mime_type").asText()).isEqualTo("image/jpeg");
        assertThat(document.path("media_filename").asText()).isEqualTo("quote.pdf");
        assertThat(document.path("media_mime_type").asText()).isEqualTo("application/pdf");
        assertThat(bytes.statusCode()).isEqualTo(200);
        assertThat(bytes.body()).isEqualTo(RecordingGraphServer.mediaBytes("img-77"));
    }

    @Test
    void aSharedPlaceLinksToTheMapAndContactCardsGiveTheirNumbers() {
        ApiClient api = organisations.create();
        String phone = "919811000005";
        leadSends(api, phone, "wamid.P1", "location", "{\"latitude\":48.8583701,\"longitude\":2.2944813,"
                + "\"name\":\"Tour Eiffel\"}", 1);
        String id = leadSends(api, phone, "wamid.P2", "contacts", "[{\"name\":{\"formatted_name\":\"Ana Ruiz\"},"
                + "\"phones\":[{\"phone\":\"+34 600 000 000\"}]}]", 2);

        JsonNode list = messages(api, id);

        assertThat(list.get(0).path("content").asText()).isEqualTo("📍 Tour Eiffel");
        assertThat(list.get(0).path("location_url").asText()).startsWith("https://www.openstreetmap.org/?mlat=48.8583701");
        assertThat(list.get(1).path("contact_cards").asText()).isEqualTo("Ana Ruiz · +34 600 000 000");
    }

    // --- helpers

    /**
     * The lead sends a message of this {@code type} with this body through the signed webhook; returns
     * its conversation once the conversation holds {@code stored} messages.
     */
    private static String leadSends(ApiClient api, String phone, String waId, String type, String body, int stored) {
        String phoneNumberId = api.get("/settings/whatsapp").body().path("phone_number_id").asText();
        byte[] webhook = """
                {"object":"whatsapp_business_account","entry":[{"id":"1234567890987654321","changes":[{"value":{
                "messaging_product":"whatsapp","metadata":{"display_phone_number":"972123456789",
                "phone_number_id":"%s"},"contacts":[{"profile":{"name":"Lead %s"},"wa_id":"%s"}],
                "messages":[{"from":"%s","id":"%s","timestamp":"%d","type":"%s","%s":%s}]},
                "field":"messages"}]}]}""".formatted(phoneNumberId, phone, phone, phone, waId,
                Webhooks.aMinuteAgo() + stored, type, type, body).getBytes(StandardCharsets.UTF_8);
        assertThat(Webhooks.postSigned(backend.baseUri().resolve("/webhook"), APP_SECRET, webhook)).isEqualTo(200);
        Waits.until("the lead's message " + waId, WAIT, () -> storedMessages(api, phone) == stored);
        return conversationOf(api, phone);
    }

    private static int storedMessages(ApiClient api, String phone) {
        return api.get("/conversations").body().valueStream()
                .filter(c -> c.path("lead_phone").asText().equals(phone))
                .mapToInt(c -> backend.db().inTransaction(tx -> tx.queryOne(
                        "SELECT COUNT(*) FROM messages WHERE conversation_id = ?", rs -> rs.getInt(1),
                        UUID.fromString(c.path("id").asText()))).orElseThrow())
                .findFirst().orElse(0);
    }

    private static String conversationOf(ApiClient api, String phone) {
        return api.get("/conversations").body().valueStream()
                .filter(c -> c.path("lead_phone").asText().equals(phone))
                .map(c -> c.path("id").asText()).findFirst().orElseThrow();
    }

    private static JsonNode conversation(ApiClient api, String id) {
        return api.get("/conversations").body().valueStream().filter(c -> c.path("id").asText().equals(id))
                .findFirst().orElseThrow();
    }

    private static JsonNode messages(ApiClient api, String id) {
        return api.get("/conversations/" + id + "/messages").body();
    }
}
