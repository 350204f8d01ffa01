package dev.funnel.console.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The knowledge-base routes and the trace's knowledge sources, over HTTP on loopback. */
class HttpBackendClientKnowledgeTest {

    private static final String DOCUMENT = """
            {"id":"d1","name":"FAQ & prices.md","content_type":"text/markdown","size_bytes":2150,
             "status":"indexing","chunks":0,"pages":null,"error":null,"created_at":"2026-11-03T10:15:30Z",
             "indexed_at":null}""";
    private static final String TOTALS = """
            {"prompt_tokens":0,"completion_tokens":0,"latency_ms":0,"cost_usd":null,"cost_note":"x"}""";

    private ScriptedHttpServer server;
    private HttpBackendClient client;

    @BeforeEach
    void start() throws IOException {
        server = new ScriptedHttpServer();
        client = HttpBackendClientTest.signedIn(server);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aFileIsPostedAsItsBytesWithItsTypeAndNameAndAnswersIndexing() {
        server.answer("POST /knowledge/documents?name=FAQ%20%26%20prices.md", 201, DOCUMENT);

        KnowledgeDocument created = client.uploadKnowledgeDocument("FAQ & prices.md", "text/markdown",
                "# FAQ\nWe ship.".getBytes(StandardCharsets.UTF_8));

        assertThat(server.last().body()).isEqualTo("# FAQ\nWe ship.");
        assertThat(server.last().contentType()).isEqualTo("text/markdown");
        assertThat(server.last().authorization()).isEqualTo("Bearer tok-1");
        assertThat(created).isEqualTo(new KnowledgeDocument("d1", "FAQ & prices.md", "text/markdown", 2150,
                "indexing", 0, null, null, Instant.parse("2026-11-03T10:15:30Z"), null));
    }

    @Test
    void aFileTooBigKeepsTheServersSentence() {
        server.answer("POST /knowledge/documents?name=big.pdf", 413,
                "{\"error\":\"The file is over the 20 MB limit\"}");

        assertThatThrownBy(() -> client.uploadKnowledgeDocument("big.pdf", "application/pdf", new byte[] {1}))
                .isInstanceOf(BackendException.class).hasMessage("The file is over the 20 MB limit");
    }

    @Test
    void documentsAreListedDeletedAndReindexed() {
        server.answer("GET /knowledge/documents", 200, "[" + DOCUMENT + "]");
        server.answer("DELETE /knowledge/documents/d1", 204, "");
        server.answer("POST /knowledge/documents/d1/reindex", 202, DOCUMENT);

        assertThat(client.knowledgeDocuments()).extracting(KnowledgeDocument::id).containsExactly("d1");
        client.deleteKnowledgeDocument("d1");
        assertThat(server.last().method()).isEqualTo("DELETE");
        assertThat(client.reindexKnowledgeDocument("d1").indexing()).isTrue();
    }

    @Test
    void aSearchSendsTheQuestionAndLimitAndReadsTheHits() {
        server.answer("GET /knowledge/search?q=Do%20you%20ship%3F&limit=5", 200, """
                [{"document_id":"d1","document_name":"faq.md","chunk_index":2,"score":0.83,"text":"We ship."}]""");

        assertThat(client.searchKnowledge("Do you ship?", 5))
                .containsExactly(new KnowledgeHit("d1", "faq.md", 2, 0.83, "We ship."));
    }

    @Test
    void theStatusNamesModelStoreAndCounts() {
        server.answer("GET /knowledge/status", 200, """
                {"embedding_model":"all-minilm-l6-v2-q (offline)","dimensions":384,"store":"portable",
                 "documents":2,"chunks":15}""");

        assertThat(client.knowledgeStatus())
                .isEqualTo(new KnowledgeStatus("all-minilm-l6-v2-q (offline)", 384, "portable", 2, 15));
    }

    @Test
    void aTurnAndADryRunCarryTheirSourcesOrNone() {
        server.answer("GET /conversations/c1/turns/t1", 200, """
                {"turn_id":"t1","lead_message":"Hi","recorded_at":"2026-11-03T10:15:30Z","steps":[],"outcomes":[],
                 "totals":%s,"sources":[{"document_id":"d1","document_name":"faq.md","chunk_index":2,
                 "score":0.83,"excerpt":"We ship."}]}""".formatted(TOTALS));
        server.answer("POST /conversations/c1/suggest-reply", 200, """
                {"action":"SEND_NOW","why":"asked","reply":"Yes!","steps":[],"interventions":[],"totals":%s}"""
                .formatted(TOTALS));

        assertThat(client.turn("c1", "t1").sources())
                .containsExactly(new KnowledgeSource("d1", "faq.md", 2, 0.83, "We ship."));
        assertThat(client.suggestReply("c1").sources()).isEmpty();
    }
}
