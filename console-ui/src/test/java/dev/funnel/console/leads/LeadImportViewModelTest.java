package dev.funnel.console.leads;

import static dev.funnel.console.leads.Leads.lead;
import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.console.backend.FakeBackendClient;
import dev.funnel.console.backend.LeadImportFailure;
import dev.funnel.console.backend.LeadImportResult;
import dev.funnel.console.common.CurrentThreadTaskExecutor;
import dev.funnel.console.shell.RecordingNavigator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeadImportViewModelTest {

    private static final String CSV = "phone,name\n+1 415 555 0123,Asha\nnot-a-phone,Bruno\n";

    @TempDir
    private Path folder;
    private final FakeBackendClient backend = new FakeBackendClient();
    private final LeadsViewModel leads =
            new LeadsViewModel(backend, new CurrentThreadTaskExecutor(), new RecordingNavigator());
    private final LeadImportViewModel importer = leads.importer();

    private Path csvFile(String content) throws IOException {
        return Files.writeString(folder.resolve("leads.csv"), content);
    }

    @Test
    void importingNeedsAFile() {
        assertThat(importer.canImportProperty().get()).isFalse();

        importer.choose(Path.of("leads.csv"));

        assertThat(importer.canImportProperty().get()).isTrue();
    }

    @Test
    void sendsTheFilesContentAndShowsWhatTheImportDid() throws IOException {
        importer.choose(csvFile(CSV));
        backend.importResult = new LeadImportResult(1, 2, 3,
                List.of(new LeadImportFailure(3, List.of("phone must have 8 to 15 digits"))));

        importer.importFile();

        assertThat(backend.requests).contains(CSV);
        assertThat(importer.summaryProperty().get()).isEqualTo("1 added, 2 updated, 3 unchanged, 1 row refused.");
        assertThat(importer.failures()).containsExactly(new LeadImportFailure(3, List.of("phone must have 8 to 15 digits")));
        assertThat(importer.busyProperty().get()).isFalse();
        assertThat(importer.progressProperty().get()).isEmpty();
    }

    @Test
    void theTableIsRefreshedAfterAnImport() throws IOException {
        importer.choose(csvFile(CSV));
        backend.importResult = new LeadImportResult(1, 0, 0, List.of());
        backend.leads.add(lead("a", "Asha"));

        importer.importFile();

        assertThat(backend.calls).containsSubsequence("importLeads", "leads 50@0");
        assertThat(leads.leads()).hasSize(1);
        assertThat(importer.failures()).isEmpty();
    }

    @Test
    void whileSendingItSaysWhichFileAndHowBig() throws IOException {
        Path file = csvFile("phone\n" + "14155550123\n".repeat(200));
        List<String> progress = new ArrayList<>();
        importer.progressProperty().addListener((property, old, now) -> progress.add(now));
        importer.busyProperty().addListener((property, old, busy) -> progress.add("busy=" + busy));
        importer.choose(file);

        importer.importFile();

        assertThat(progress).containsSubsequence("busy=true", "Reading leads.csv…",
                "Sending leads.csv (2.3 KB) and adding its leads…", "busy=false");
    }

    @Test
    void aMissingFileIsNamed() {
        importer.choose(folder.resolve("gone.csv"));

        importer.importFile();

        assertThat(importer.errorProperty().get()).isEqualTo("Cannot import gone.csv: there is no such file.");
        assertThat(backend.calls).doesNotContain("importLeads");
        assertThat(importer.busyProperty().get()).isFalse();
    }

    @Test
    void aFileTheServerRefusesShowsItsReason() throws IOException {
        importer.choose(csvFile("name\nAsha\n"));
        backend.failNext(400, "The CSV has no phone column in its header row");

        importer.importFile();

        assertThat(importer.errorProperty().get()).isEqualTo("The CSV has no phone column in its header row");
        assertThat(importer.summaryProperty().get()).isEmpty();
    }
}
