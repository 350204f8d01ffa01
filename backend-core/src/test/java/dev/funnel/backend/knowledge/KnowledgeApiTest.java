package dev.funnel.backend.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.funnel.backend.testing.ApiClient;
import dev.funnel.backend.testing.EventsClient;
import dev.funnel.backend.testing.SoloServers;
import dev.funnel.backend.testing.Waits;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /knowledge}: upload, list, search, delete and re-index through HTTP, with the offline model. */
class KnowledgeApiTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private static SoloServers servers;
    private static int organisations;

    @BeforeAll
    static void start(@TempDir Path dataDir) {
        servers = SoloServers.start(dataDir, "knowledge-secret", Map.of());
    }

    @AfterAll
    static void stop() {
        servers.close();
    }

    /** Each test has an organisation of its own, so their documents and counts stay apart. */
    private static ApiClient admin() {
        organisations++;
        return ApiClient.admin(servers.backend().baseUri(), "Knowledge Org " + organisations,
                "owner" + organisations + "@knowledge.test");
    }

    @Test
    void aPdfAMarkdownAndATextFileAreIndexedAndListedNewestFirst() {
        ApiClient api = admin();

        JsonNode pdf = created(api.post("/knowledge/documents?name=catalogue.pdf", "application/pdf",
                KnowledgeFixtures.catalogue(2)));
        JsonNode md = created(api.post("/knowledge/documents?name=handbook.md", "text/markdown",
                KnowledgeFixtures.handbook()));
        JsonNode txt = created(api.post("/knowledge/documents?name=notes.txt", "text/plain; charset=utf-8",
                "Deliveries leave at noon.".getBytes(StandardCharsets.UTF_8)));

        assertThat(pdf.path("status").asText()).isEqualTo("indexing");
        assertThat(pdf.path("chunks").asInt()).isZero();
        assertThat(pdf.path("indexed_at").isNull()).isTrue();
        assertThat(ready(api, pdf).path("pages").asInt()).isEqualTo(2);
        JsonNode handbook = ready(api, md);
        assertThat(handbook.path("content_type").asText()).isEqualTo("text/markdown");
        assertThat(handbook.path("pages").isNull()).isTrue();
        assertThat(handbook.path("chunks").asInt()).isGreaterThan(20);
        assertThat(ready(api, txt).path("size_bytes").asLong()).isEqualTo(25);
        assertThat(api.get("/knowledge/documents").body().findValuesAsText("name"))
                .containsExactly("notes.txt", "handbook.md", "catalogue.pdf");
    }

    @Test
    void searchAnswersTheBestChunksFirst() {
        ApiClient api = admin();
        ready(api, created(api.post("/knowledge/documents?name=handbook.md", "text/markdown",
                KnowledgeFixtures.handbook())));

        ApiClient.Response r = api.get("/knowledge/search?q=How%20much%20is%20an%20e-bike%20per%20day%3F&limit=3");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).hasSize(3);
        JsonNode best = r.body().path(0);
        assertThat(best.path("text").asText()).startsWith("Hourly and daily rental prices");
        assertThat(best.path("document_name").asText()).isEqualTo("handbook.md");
        assertThat(best.path("score").asDouble()).isGreaterThan(r.body().path(2).path("score").asDouble());
        assertThat(api.get("/knowledge/search").status()).isEqualTo(400);
        assertThat(api.get("/knowledge/search?q=price&limit=21").status()).isEqualTo(400);
        JsonNode status = api.get("/knowledge/status").body();
        assertThat(status.path("embedding_model").asText()).isEqualTo("all-minilm-l6-v2-q (offline)");
        assertThat(status.path("dimensions").asInt()).isEqualTo(384);
        assertThat(status.path("store").asText()).isEqualTo("portable");
        assertThat(status.path("documents").asInt()).isEqualTo(1);
        assertThat(status.path("chunks").asInt()).isGreaterThan(20);
    }

    @Test
    void aDeletedDocumentIsGoneWithItsChunksAndConsolesHearOfIt() {
        ApiClient api = admin();
        String id = ready(api, "notes.md", "text/x-markdown", "# Delivery\n\nDeliveries leave at noon.")
                .path("id").asText();

        try (EventsClient events = new EventsClient(servers.backend().baseUri(), api.token())) {
            assertThat(api.delete("/knowledge/documents/" + id).status()).isEqualTo(204);
            events.await(KnowledgeBase.DOCUMENT_DELETED, p -> p.path("document_id").asText().equals(id), WAIT);
        }

        assertThat(api.get("/knowledge/documents/" + id).status()).isEqualTo(404);
        assertThat(api.get("/knowledge/search?q=deliveries").body()).isEmpty();
        assertThat(api.delete("/knowledge/documents/" + id).status()).isEqualTo(404);
        assertThat(api.get("/audit-log?action=knowledge.deleted").body().findValuesAsText("entity_id"))
                .containsExactly(id);
        assertThat(api.get("/audit-log?action=knowledge.added").body().findValuesAsText("entity_id"))
                .containsExactly(id);
    }

    @Test
    void reindexingAnswersIndexingAndEndsReadyWithALiveEvent() {
        ApiClient api = admin();
        JsonNode doc = ready(api, "notes.txt", "application/octet-stream", "Deliveries leave at noon.");
        String id = doc.path("id").asText();

        try (EventsClient events = new EventsClient(servers.backend().baseUri(), api.token())) {
            ApiClient.Response r = api.post("/knowledge/documents/" + id + "/reindex", "{}");
            assertThat(r.status()).isEqualTo(202);
            assertThat(r.body().path("status").asText()).isEqualTo("indexing");
            events.await(KnowledgeBase.DOCUMENT_UPDATED, p -> p.path("document").path("id").asText().equals(id)
                    && p.path("document").path("status").asText().equals("ready"), WAIT);
        }
        assertThat(doc.path("content_type").asText()).isEqualTo("text/plain");
        assertThat(api.post("/knowledge/documents/" + UUID.randomUUID() + "/reindex", "{}").status()).isEqualTo(404);
    }

    @Test
    void aFileThatCannotBeReadEndsFailedWithItsReason() {
        ApiClient api = admin();
        JsonNode doc = created(api.post("/knowledge/documents?name=broken.pdf", "application/pdf",
                KnowledgeFixtures.corruptPdf()));

        JsonNode failed = settled(api, doc);

        assertThat(failed.path("status").asText()).isEqualTo("failed");
        assertThat(failed.path("error").asText()).contains("could not be read as a PDF");
        assertThat(failed.path("indexed_at").isNull()).isFalse();
    }

    @Test
    void uploadsWithoutANameABodyOrAKnownTypeAreRefusedNamingTheField() {
        ApiClient api = admin();
        byte[] text = "Some text".getBytes(StandardCharsets.UTF_8);

        assertThat(api.post("/knowledge/documents", "text/plain", text).fields()).containsExactly("name");
        assertThat(api.post("/knowledge/documents?name=empty.txt", "text/plain", new byte[0]).fields())
                .containsExactly("body");
        ApiClient.Response image = api.post("/knowledge/documents?name=photo.png", "image/png", text);
        assertThat(image.status()).isEqualTo(400);
        assertThat(image.fields()).containsExactly("content_type");
        assertThat(api.post("/knowledge/documents?name=photo.png", "application/octet-stream", text).status())
                .isEqualTo(400);
        assertThat(api.get("/knowledge/documents").body()).isEmpty();
    }

    @Test
    void aFileOverTwentyMegabytesIsRefused() {
        ApiClient api = admin();

        ApiClient.Response r = api.post("/knowledge/documents?name=big.txt", "text/plain",
                new byte[(int) KnowledgeService.MAX_BYTES + 1]);

        assertThat(r.status()).isEqualTo(413);
        assertThat(r.body().path("error").asText()).contains("20 MB");
        assertThat(api.get("/knowledge/documents").body()).isEmpty();
    }

    @Test
    void anAgentReadsAndSearchesButCannotChangeTheFiles() {
        ApiClient admin = admin();
        String id = ready(admin, "notes.txt", "text/plain", "Deliveries leave at noon.").path("id").asText();
        ApiClient agent = new ApiClient(servers.backend().baseUri());
        agent.join(admin.inviteCode(), "Agent " + organisations, "agent" + organisations + "@knowledge.test");

        assertThat(agent.get("/knowledge/documents").body()).hasSize(1);
        assertThat(agent.get("/knowledge/documents/" + id).status()).isEqualTo(200);
        assertThat(agent.get("/knowledge/search?q=deliveries").body()).hasSize(1);
        assertThat(agent.post("/knowledge/documents?name=mine.txt", "text/plain",
                "Agents' notes".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(403);
        assertThat(agent.post("/knowledge/documents/" + id + "/reindex", "{}").status()).isEqualTo(403);
        assertThat(agent.delete("/knowledge/documents/" + id).status()).isEqualTo(403);
        assertThat(admin.get("/knowledge/documents/" + id).body().path("status").asText()).isEqualTo("ready");
    }

    private static JsonNode created(ApiClient.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.body();
    }

    /** A text file uploaded and indexed. */
    private static JsonNode ready(ApiClient api, String name, String contentType, String text) {
        return ready(api, created(api.post("/knowledge/documents?name=" + name, contentType,
                text.getBytes(StandardCharsets.UTF_8))));
    }

    private static JsonNode ready(ApiClient api, JsonNode document) {
        JsonNode settled = settled(api, document);
        assertThat(settled.path("status").asText()).as(settled.toString()).isEqualTo("ready");
        return settled;
    }

    private static JsonNode settled(ApiClient api, JsonNode document) {
        String path = "/knowledge/documents/" + document.path("id").asText();
        Waits.until("the document to be indexed", WAIT,
                () -> !api.get(path).body().path("status").asText().equals("indexing"));
        return api.get(path).body();
    }
}
