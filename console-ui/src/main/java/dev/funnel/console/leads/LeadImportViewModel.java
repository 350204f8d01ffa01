package dev.funnel.console.leads;

import dev.funnel.console.backend.BackendClient;
import dev.funnel.console.backend.LeadImportFailure;
import dev.funnel.console.backend.LeadImportResult;
import dev.funnel.console.common.ErrorMessages;
import dev.funnel.console.common.FileSizes;
import dev.funnel.console.common.TaskExecutor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Imports leads from a CSV file (a header row with a phone column; name, email, company optional).
 * The file is read and sent as one request, so there is no percentage to show: while it runs the
 * screen says what is being sent and how big it is; then what the import did and which rows it refused.
 */
public final class LeadImportViewModel {

    private final BackendClient client;
    private final TaskExecutor executor;
    private final Runnable onImported;

    private final StringProperty file = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty progress = new SimpleStringProperty("");
    private final StringProperty summary = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final ObservableList<LeadImportFailure> failures = FXCollections.observableArrayList();
    private final BooleanBinding canImport = Bindings.createBooleanBinding(
            () -> !busy.get() && !file.get().isBlank(), busy, file);

    LeadImportViewModel(BackendClient client, TaskExecutor executor, Runnable onImported) {
        this.client = client;
        this.executor = executor;
        this.onImported = onImported;
    }

    /** A file picked in a file chooser or dropped on the screen. */
    public void choose(Path chosen) {
        file.set(chosen.toString());
    }

    public void importFile() {
        if (!canImport.get()) {
            return;
        }
        Path path;
        try {
            path = Path.of(file.get().strip());
        } catch (InvalidPathException e) {
            error.set("\"" + file.get().strip() + "\" is not a file name this computer understands.");
            return;
        }
        String fileName = path.getFileName() == null ? path.toString() : path.getFileName().toString();
        busy.set(true);
        error.set("");
        summary.set("");
        failures.clear();
        progress.set("Reading " + fileName + "…");
        executor.execute(() -> Files.readAllBytes(path), csv -> {
            progress.set("Sending " + fileName + " (" + FileSizes.describe(csv.length) + ") and adding its leads…");
            executor.execute(() -> client.importLeads(csv), this::show, failure -> fail(ErrorMessages.describe(failure)));
        }, failure -> fail(failure instanceof IOException io ? unreadable(fileName, io) : ErrorMessages.describe(failure)));
    }

    private void show(LeadImportResult result) {
        busy.set(false);
        progress.set("");
        List<String> parts = new ArrayList<>();
        parts.add(result.imported() + " added");
        parts.add(result.updated() + " updated");
        parts.add(result.unchanged() + " unchanged");
        if (!result.failed().isEmpty()) {
            parts.add(result.failed().size() + (result.failed().size() == 1 ? " row" : " rows") + " refused");
        }
        summary.set(String.join(", ", parts) + ".");
        failures.setAll(result.failed());
        onImported.run();
    }

    private void fail(String message) {
        busy.set(false);
        progress.set("");
        error.set(message);
    }

    private static String unreadable(String fileName, IOException failure) {
        return "Cannot import " + fileName + ": "
                + (failure instanceof NoSuchFileException ? "there is no such file." : "the file cannot be read.");
    }

    public StringProperty fileProperty() {
        return file;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyStringProperty progressProperty() {
        return progress;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    public ObservableList<LeadImportFailure> failures() {
        return failures;
    }

    public BooleanBinding canImportProperty() {
        return canImport;
    }
}
