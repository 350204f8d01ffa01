package dev.funnel.console.leads;

import static dev.funnel.console.leads.Leads.lead;
import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.console.backend.FakeBackendClient;
import dev.funnel.console.backend.Lead;
import dev.funnel.console.backend.LeadFilter;
import dev.funnel.console.common.CurrentThreadTaskExecutor;
import dev.funnel.console.shell.RecordingNavigator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeadsViewModelTest {

    private final FakeBackendClient backend = new FakeBackendClient();
    private final RecordingNavigator navigator = new RecordingNavigator();
    private final LeadsViewModel leads = new LeadsViewModel(backend, new CurrentThreadTaskExecutor(), navigator);

    @Test
    void showsTheFirstPageAndHowManyLeadsThereAreInAll() {
        IntStream.range(0, 120).forEach(i -> backend.leads.add(lead("l" + i, "Lead " + i)));

        leads.load();

        assertThat(leads.leads()).hasSize(LeadsViewModel.PAGE_SIZE);
        assertThat(leads.leads().getFirst().name()).isEqualTo("Lead 0");
        assertThat(leads.pageLabelProperty().get()).isEqualTo("1–50 of 120");
        assertThat(leads.canGoBackProperty().get()).isFalse();
        assertThat(leads.canGoForwardProperty().get()).isTrue();
    }

    @Test
    void pagesForwardToTheLastPartialPageAndBack() {
        IntStream.range(0, 120).forEach(i -> backend.leads.add(lead("l" + i, "Lead " + i)));
        leads.load();

        leads.nextPage();
        leads.nextPage();

        assertThat(backend.calls).contains("leads 50@100");
        assertThat(leads.leads()).hasSize(20);
        assertThat(leads.pageLabelProperty().get()).isEqualTo("101–120 of 120");
        assertThat(leads.canGoForwardProperty().get()).isFalse();

        leads.previousPage();

        assertThat(leads.leads().getFirst().name()).isEqualTo("Lead 50");
    }

    @Test
    void choosingAFilterAsksForThoseLeadsFromTheFirstPage() {
        IntStream.range(0, 60).forEach(i -> backend.leads.add(lead("l" + i, "Lead " + i)));
        backend.leads.add(lead("hot", "Asha", "14155550123", "pricing", "high", "curious"));
        leads.load();
        leads.nextPage();

        leads.stageFilterProperty().set("pricing");
        leads.intentLevelFilterProperty().set("high");

        assertThat(backend.lastLeadFilter).isEqualTo(new LeadFilter("pricing", "high", null, null));
        assertThat(backend.calls.getLast()).isEqualTo("leads 50@0");
        assertThat(leads.leads()).extracting(Lead::name).containsExactly("Asha");
        assertThat(leads.pageLabelProperty().get()).isEqualTo("1–1 of 1");
    }

    @Test
    void theSearchTextAppliesWhenSearchIsAskedFor() {
        backend.leads.add(lead("a", "Asha Rao"));
        backend.leads.add(lead("b", "Bruno Diaz"));
        leads.load();

        leads.searchTextProperty().set("  bruno ");
        assertThat(leads.leads()).hasSize(2);
        leads.search();

        assertThat(backend.lastLeadFilter.q()).isEqualTo("bruno");
        assertThat(leads.leads()).extracting(Lead::name).containsExactly("Bruno Diaz");
    }

    @Test
    void saysWhenNoLeadMatchesTheFilters() {
        backend.leads.add(lead("a", "Asha Rao"));
        leads.sentimentFilterProperty().set("annoyed");

        assertThat(leads.leads()).isEmpty();
        assertThat(leads.pageLabelProperty().get()).isEqualTo("No lead matches these filters.");
    }

    @Test
    void aFailedListingIsShownInWords() {
        backend.failNext(0, "Cannot reach the server at http://127.0.0.1:8090. Is it running?");

        leads.load();

        assertThat(leads.errorProperty().get()).isEqualTo("Cannot reach the server at http://127.0.0.1:8090. Is it running?");
        assertThat(leads.loadingProperty().get()).isFalse();
    }

    @Test
    void deletingTheOpenLeadRemovesItAndClosesTheForm() {
        backend.leads.add(lead("a", "Asha Rao", "14155550123", "greeting", "unknown", "neutral"));
        backend.leads.add(lead("b", "Bruno Diaz"));
        leads.load();
        leads.select(leads.leads().getFirst());

        assertThat(leads.deleteQuestion()).startsWith("Delete Asha Rao (+14155550123)?");
        leads.deleteSelected();

        assertThat(backend.calls).contains("deleteLead a");
        assertThat(leads.leads()).extracting(Lead::name).containsExactly("Bruno Diaz");
        assertThat(leads.form().openProperty().get()).isFalse();
        assertThat(leads.statusProperty().get()).isEqualTo("Deleted Asha Rao.");
    }

    @Test
    void exportWritesTheServersCsvForTheCurrentFilters(@TempDir Path folder) throws IOException {
        byte[] csv = "phone,name,email,company,stage,intent_level,sentiment,created_at\n14155550123,Asha,,,pricing,high,curious,2026-11-20T10:15:30Z\n"
                .getBytes(StandardCharsets.UTF_8);
        backend.exportCsv = csv;
        leads.stageFilterProperty().set("pricing");
        Path file = folder.resolve("pricing-leads.csv");

        leads.exportTo(file);

        assertThat(Files.readAllBytes(file)).isEqualTo(csv);
        assertThat(backend.requests.getLast()).isEqualTo(new LeadFilter("pricing", null, null, null));
        assertThat(leads.statusProperty().get()).isEqualTo("Saved pricing-leads.csv (126 bytes).");
    }

    @Test
    void anExportThatCannotBeWrittenSaysSo(@TempDir Path folder) {
        Path file = folder.resolve("missing-folder").resolve("leads.csv");

        leads.exportTo(file);

        assertThat(leads.errorProperty().get()).isEqualTo("Cannot write " + file + ". Choose another folder.");
        assertThat(leads.statusProperty().get()).isEmpty();
    }

    @Test
    void backGoesToTheInbox() {
        leads.backToInbox();

        assertThat(navigator.last()).isEqualTo("inbox");
    }
}
