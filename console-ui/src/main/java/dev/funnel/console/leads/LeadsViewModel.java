package dev.funnel.console.leads;

import dev.funnel.console.backend.BackendClient;
import dev.funnel.console.backend.Lead;
import dev.funnel.console.backend.LeadFilter;
import dev.funnel.console.backend.LeadPage;
import dev.funnel.console.common.ErrorMessages;
import dev.funnel.console.common.FileSizes;
import dev.funnel.console.common.TaskExecutor;
import dev.funnel.console.shell.Navigator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The organisation's leads, a page at a time, filtered by stage, intent level and sentiment and
 * searched by text; the selected lead is edited in {@link #form()}, files come in through
 * {@link #importer()} and go out through {@link #exportTo(Path)}. Choosing a filter starts again at
 * the first page; the search applies when asked ({@link #search()}), so typing does not flood the server.
 */
public final class LeadsViewModel {

    public static final int PAGE_SIZE = 50;
    /** A filter's "any" choice. */
    public static final String ANY = "";

    private final BackendClient client;
    private final TaskExecutor executor;
    private final Navigator navigator;
    private final LeadFormViewModel form;
    private final LeadImportViewModel importer;

    private final ObservableList<Lead> leads = FXCollections.observableArrayList();
    private final StringProperty stageFilter = new SimpleStringProperty(ANY);
    private final StringProperty intentLevelFilter = new SimpleStringProperty(ANY);
    private final StringProperty sentimentFilter = new SimpleStringProperty(ANY);
    private final StringProperty searchText = new SimpleStringProperty("");
    private final IntegerProperty total = new SimpleIntegerProperty();
    private final IntegerProperty offset = new SimpleIntegerProperty();
    private final StringProperty pageLabel = new SimpleStringProperty("");
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanBinding canGoBack = Bindings.createBooleanBinding(
            () -> !loading.get() && offset.get() > 0, loading, offset);
    private final BooleanBinding canGoForward = Bindings.createBooleanBinding(
            () -> !loading.get() && offset.get() + PAGE_SIZE < total.get(), loading, offset, total);

    /** Only the newest request's answer is shown, should an older one come back later. */
    private int latestRequest;

    public LeadsViewModel(BackendClient client, TaskExecutor executor, Navigator navigator) {
        this.client = client;
        this.executor = executor;
        this.navigator = navigator;
        this.form = new LeadFormViewModel(client, executor, saved -> reload());
        this.importer = new LeadImportViewModel(client, executor, this::reload);
        stageFilter.addListener((property, old, now) -> search());
        intentLevelFilter.addListener((property, old, now) -> search());
        sentimentFilter.addListener((property, old, now) -> search());
    }

    public void load() {
        reload();
    }

    /** Applies the filters and the search text from the first page. */
    public void search() {
        offset.set(0);
        reload();
    }

    public void nextPage() {
        if (canGoForward.get()) {
            offset.set(offset.get() + PAGE_SIZE);
            reload();
        }
    }

    public void previousPage() {
        if (canGoBack.get()) {
            offset.set(Math.max(0, offset.get() - PAGE_SIZE));
            reload();
        }
    }

    public void select(Lead lead) {
        if (lead == null) {
            form.close();
        } else {
            form.edit(lead);
        }
    }

    public void newLead() {
        form.startNew();
    }

    /** What the View asks before {@link #deleteSelected()}; null when no lead is open. */
    public String deleteQuestion() {
        Lead lead = form.lead();
        if (lead == null) {
            return null;
        }
        String who = lead.name() == null || lead.name().isBlank() ? "+" + lead.phone() : lead.name() + " (+" + lead.phone() + ")";
        return "Delete " + who + "? Their conversation and messages are deleted too. This cannot be undone.";
    }

    public void deleteSelected() {
        Lead lead = form.lead();
        if (lead == null) {
            return;
        }
        error.set("");
        executor.execute(() -> {
            client.deleteLead(lead.id());
            return lead;
        }, deleted -> {
            form.close();
            status.set("Deleted " + (deleted.name() == null ? "+" + deleted.phone() : deleted.name()) + ".");
            reload();
        }, failure -> error.set(ErrorMessages.describe(failure)));
    }

    /** Saves the leads matching the current filters (not only this page) as CSV in {@code file}. */
    public void exportTo(Path file) {
        LeadFilter filter = filter();
        error.set("");
        status.set("Exporting…");
        executor.execute(() -> {
            byte[] csv = client.exportLeads(filter);
            Files.write(file, csv);
            return csv.length;
        }, size -> status.set("Saved " + file.getFileName() + " (" + FileSizes.describe(size) + ")."),
                failure -> {
                    status.set("");
                    error.set(failure instanceof IOException
                            ? "Cannot write " + file + ". Choose another folder." : ErrorMessages.describe(failure));
                });
    }

    public void backToInbox() {
        navigator.showInbox();
    }

    private void reload() {
        LeadFilter filter = filter();
        int from = offset.get();
        int request = ++latestRequest;
        loading.set(true);
        error.set("");
        executor.execute(() -> client.leads(filter, PAGE_SIZE, from), page -> {
            if (request == latestRequest) {
                loading.set(false);
                show(page);
            }
        }, failure -> {
            if (request == latestRequest) {
                loading.set(false);
                error.set(ErrorMessages.describe(failure));
            }
        });
    }

    private void show(LeadPage page) {
        if (page.items().isEmpty() && page.offset() > 0 && page.total() > 0) {
            offset.set((page.total() - 1) / PAGE_SIZE * PAGE_SIZE); // the page emptied (deletions): show the last one
            reload();
            return;
        }
        leads.setAll(page.items());
        total.set(page.total());
        if (page.total() == 0) {
            boolean filtered = !filter().equals(LeadFilter.ALL);
            pageLabel.set(filtered ? "No lead matches these filters." : "No leads yet. Add one or import a CSV file.");
        } else {
            pageLabel.set((page.offset() + 1) + "–" + (page.offset() + page.items().size()) + " of " + page.total());
        }
    }

    private LeadFilter filter() {
        return new LeadFilter(orNull(stageFilter.get()), orNull(intentLevelFilter.get()), orNull(sentimentFilter.get()),
                orNull(searchText.get().strip()));
    }

    private static String orNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    public LeadFormViewModel form() {
        return form;
    }

    public LeadImportViewModel importer() {
        return importer;
    }

    public ObservableList<Lead> leads() {
        return leads;
    }

    public StringProperty stageFilterProperty() {
        return stageFilter;
    }

    public StringProperty intentLevelFilterProperty() {
        return intentLevelFilter;
    }

    public StringProperty sentimentFilterProperty() {
        return sentimentFilter;
    }

    public StringProperty searchTextProperty() {
        return searchText;
    }

    public ReadOnlyIntegerProperty totalProperty() {
        return total;
    }

    public ReadOnlyStringProperty pageLabelProperty() {
        return pageLabel;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    public BooleanBinding canGoBackProperty() {
        return canGoBack;
    }

    public BooleanBinding canGoForwardProperty() {
        return canGoForward;
    }
}
