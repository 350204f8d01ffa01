package dev.funnel.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.console.backend.Lead;
import dev.funnel.console.backend.LeadImportFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Leads screen in the real window against a real backend. The CSV file is given through the
 * import panel's path field (a file chooser cannot be driven headless); the console still reads
 * and sends it as it does a chosen or dropped file.
 */
class LeadsJourneyIT extends ConsoleJourney {

    @Test
    void operatorImportsACsvAndSeesTheCountsTheRefusedRowAndTheNewLead(@TempDir Path files) throws IOException {
        Path csv = Files.writeString(files.resolve("expo-leads.csv"), """
                Name,Phone,Email,Company
                Priya Nair,+44 20 7946 0958,priya@sunrise-homes.example,Sunrise Homes
                Bad Number,12345,bad@example.com,Nowhere Ltd
                """);
        signIn();

        robot.clickOn("#leadsButton");
        waitUntil(() -> "No leads yet. Add one or import a CSV file.".equals(text("#pageLabel")));

        fill("#importPath", csv.toString());
        robot.clickOn("#importButton");

        waitUntil(() -> !text("#importSummary").isEmpty());
        assertThat(text("#importSummary")).isEqualTo("1 added, 0 updated, 0 unchanged, 1 row refused.");
        TableView<LeadImportFailure> failures = robot.lookup("#importFailures").queryTableView();
        assertThat(failures.getItems()).singleElement().satisfies(failure -> {
            assertThat(failure.row()).isEqualTo(3);
            assertThat(failure.errors()).anyMatch(error -> error.startsWith("phone"));
        });
        waitUntil(() -> leadsTable().getItems().stream().anyMatch(lead -> "Priya Nair".equals(lead.name())));
        Lead priya = leadsTable().getItems().getFirst();
        assertThat(priya.phone()).isEqualTo("442079460958");
        assertThat(priya.company()).isEqualTo("Sunrise Homes");
        assertThat(text("#pageLabel")).isEqualTo("1–1 of 1");
        screenshot("#leadsScreen", "leads.png");

        robot.clickOn(robot.lookup((Node node) -> node instanceof TableCell<?, ?> cell
                && "Priya Nair".equals(cell.getItem())).<Node>query());
        waitUntil(() -> "Priya Nair".equals(robot.lookup("#leadName").queryTextInputControl().getText()));
        assertThat(robot.lookup("#leadEmail").queryTextInputControl().getText()).isEqualTo("priya@sunrise-homes.example");
    }

    private String text(String query) {
        return robot.lookup(query).queryLabeled().getText();
    }

    private TableView<Lead> leadsTable() {
        return robot.lookup("#leadsTable").queryTableView();
    }
}
