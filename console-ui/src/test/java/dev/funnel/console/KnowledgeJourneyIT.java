package dev.funnel.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.console.backend.Credentials;
import dev.funnel.console.backend.HttpBackendClient;
import dev.funnel.console.backend.KnowledgeDocument;
import dev.funnel.console.backend.KnowledgeHit;
import java.nio.charset.StandardCharsets;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An admin opens the knowledge base while a colleague adds two files on the real embedded backend (one
 * a handbook, one a PDF that is not one): the screen follows the indexing live, names why the broken
 * file failed, and a question finds the handbook's passage with the offline embedding model.
 */
class KnowledgeJourneyIT extends ConsoleJourney {

    private static final String HANDBOOK = """
            # Journey Solar: prices and visits

            ## Installation prices
            A 3 kW rooftop system costs 4,900 EUR installed, a 6 kW system 8,200 EUR. Prices include the
            inverter, the mounting and the grid connection paperwork.

            ## Site visits
            A site visit is free and takes about an hour. We visit from Monday to Friday, 8:00 to 17:00.

            ## Warranty
            Panels carry a 25-year performance warranty; the installation itself is guaranteed for 10 years.
            """;

    private static HttpBackendClient api;

    @BeforeAll
    static void signInThroughTheApi() {
        api = HttpBackendClient.create(backend.baseUri());
        api.login(new Credentials(EMAIL, PASSWORD));
    }

    @Test
    void documentsAddedElsewhereAreIndexedLiveAndAnswerAQuestion() {
        signIn();
        robot.clickOn("#knowledgeButton");
        waitUntil(() -> robot.lookup("#knowledgeScreen").tryQuery().isPresent());

        api.uploadKnowledgeDocument("prices-and-visits.md", "text/markdown", HANDBOOK.getBytes(StandardCharsets.UTF_8));
        api.uploadKnowledgeDocument("brochure.pdf", "application/pdf",
                "this is not a PDF".getBytes(StandardCharsets.UTF_8));

        waitUntil(() -> documents().getItems().size() == 2
                && documents().getItems().stream().noneMatch(KnowledgeDocument::indexing));
        assertThat(documents().getItems())
                .extracting(KnowledgeDocument::name, KnowledgeDocument::status)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("prices-and-visits.md", KnowledgeDocument.READY),
                        org.assertj.core.groups.Tuple.tuple("brochure.pdf", KnowledgeDocument.FAILED));
        KnowledgeDocument broken = documents().getItems().stream().filter(KnowledgeDocument::failed).findFirst()
                .orElseThrow();
        assertThat(broken.error()).isNotBlank();

        fill("#knowledgeQuestion", "How much is a 6 kW installation?");
        robot.clickOn("#askKnowledgeButton");
        waitUntil(() -> !hits().getItems().isEmpty());
        assertThat(hits().getItems().getFirst().documentName()).isEqualTo("prices-and-visits.md");
        assertThat(hits().getItems().getFirst().text()).contains("8,200 EUR");
        screenshot("#knowledgeScreen", "knowledge.png");
    }

    @SuppressWarnings("unchecked")
    private TableView<KnowledgeDocument> documents() {
        return (TableView<KnowledgeDocument>) robot.lookup("#documentsTable").queryAs(TableView.class);
    }

    @SuppressWarnings("unchecked")
    private ListView<KnowledgeHit> hits() {
        return (ListView<KnowledgeHit>) robot.lookup("#knowledgeHits").queryAs(ListView.class);
    }
}
