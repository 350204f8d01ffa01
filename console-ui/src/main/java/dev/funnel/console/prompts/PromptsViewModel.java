package dev.funnel.console.prompts;

import dev.funnel.console.backend.BackendClient;
import dev.funnel.console.backend.BackendException;
import dev.funnel.console.backend.Prompt;
import dev.funnel.console.backend.PromptStep;
import dev.funnel.console.common.ErrorMessages;
import dev.funnel.console.common.TaskExecutor;
import dev.funnel.console.common.Times;
import dev.funnel.console.shell.Navigator;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The prompt of each pipeline step: the text in use, whether it is the organisation's own, and the
 * variables it may use. Admins edit, save and reset; agents read. Leaving a step with unsaved
 * changes asks first. The server checks a text when it is saved; the unknown-variable hint here only
 * says early what the server will refuse.
 */
public final class PromptsViewModel {

    public static final String ADMIN_ONLY = "Only an admin can change prompts. Ask an admin of your organisation.";
    public static final String READ_ONLY_NOTICE = "You can read the prompts; only an admin can change them.";

    /** A {{name}}, {{#name}} or {{/name}} tag, as the backend reads them. */
    private static final Pattern TAG = Pattern.compile("\\{\\{\\s*[#/]?\\s*([a-z0-9_]+)\\s*}}");

    private final BackendClient client;
    private final TaskExecutor executor;
    private final Navigator navigator;

    private final ObjectProperty<PromptStep> step = new SimpleObjectProperty<>(PromptStep.ANALYZE);
    private final StringProperty text = new SimpleStringProperty("");
    private final StringProperty savedText = new SimpleStringProperty("");
    private final BooleanProperty loaded = new SimpleBooleanProperty();
    private final BooleanProperty overridden = new SimpleBooleanProperty();
    private final StringProperty status = new SimpleStringProperty("");
    private final ObservableList<Prompt.Variable> variables = FXCollections.observableArrayList();
    private final BooleanProperty readOnly = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty saved = new SimpleStringProperty("");
    private final StringProperty unsavedWarning = new SimpleStringProperty("");
    private final StringBinding stepDescription = Bindings.createStringBinding(() -> describe(step.get()), step);
    private final BooleanBinding dirty = Bindings.createBooleanBinding(
            () -> loaded.get() && !text.get().equals(savedText.get()), loaded, text, savedText);
    private final StringBinding textProblem = Bindings.createStringBinding(this::textProblem, text, variables, loaded);
    private final BooleanBinding canSave = Bindings.createBooleanBinding(
            () -> !readOnly.get() && !busy.get() && dirty.get() && !text.get().isBlank(), readOnly, busy, dirty, text);
    private final BooleanBinding canReset = Bindings.createBooleanBinding(
            () -> !readOnly.get() && !busy.get() && overridden.get(), readOnly, busy, overridden);

    private Runnable afterDiscard;
    private int request;

    /** {@code role}: the signed-in user's; only "admin" may change prompts. */
    public PromptsViewModel(BackendClient client, TaskExecutor executor, Navigator navigator, String role) {
        this.client = client;
        this.executor = executor;
        this.navigator = navigator;
        readOnly.set(!"admin".equals(role));
    }

    public void load() {
        open(step.get());
    }

    /** Opens another step's prompt, or first asks when the text in the editor is not saved. */
    public void select(PromptStep next) {
        if (next != step.get()) {
            leave(() -> open(next));
        }
    }

    public void back() {
        leave(navigator::showInbox);
    }

    /** Answers the unsaved-changes question: drop the edits and go where the person asked. */
    public void discardAndContinue() {
        Runnable then = afterDiscard;
        afterDiscard = null;
        unsavedWarning.set("");
        text.set(savedText.get());
        if (then != null) {
            then.run();
        }
    }

    /** Answers the unsaved-changes question: stay with the edits. */
    public void keepEditing() {
        afterDiscard = null;
        unsavedWarning.set("");
    }

    /** Puts the saved text back in the editor. */
    public void revert() {
        text.set(savedText.get());
        error.set("");
    }

    public void save() {
        if (canSave.get()) {
            PromptStep current = step.get();
            String newText = text.get();
            run(() -> client.savePrompt(current, newText), prompt -> "Saved as " + prompt.version()
                    + ". The next messages use it.");
        }
    }

    public void resetToDefault() {
        if (canReset.get()) {
            PromptStep current = step.get();
            run(() -> client.resetPrompt(current), prompt -> "Back to the default prompt.");
        }
    }

    private void leave(Runnable then) {
        if (dirty.get() && !readOnly.get()) {
            afterDiscard = then;
            unsavedWarning.set("Your changes to the " + step.get().id() + " prompt are not saved.");
        } else {
            then.run();
        }
    }

    private void open(PromptStep next) {
        step.set(next);
        loaded.set(false);
        text.set("");
        savedText.set("");
        variables.clear();
        status.set("Loading…");
        run(() -> client.prompt(next), prompt -> "");
    }

    private void run(Callable<Prompt> call, Function<Prompt, String> done) {
        int mine = ++request;
        busy.set(true);
        error.set("");
        saved.set("");
        executor.execute(call, prompt -> {
            if (mine == request) {
                busy.set(false);
                show(prompt);
                saved.set(done.apply(prompt));
            }
        }, failure -> {
            if (mine == request) {
                busy.set(false);
                failed(failure);
            }
        });
    }

    private void failed(Throwable failure) {
        if (failure instanceof BackendException backend && backend.status() == 403) {
            readOnly.set(true);
            error.set(ADMIN_ONLY);
        } else {
            error.set(ErrorMessages.describe(failure));
        }
        if (!loaded.get()) {
            status.set("");
        }
    }

    private void show(Prompt prompt) {
        variables.setAll(prompt.variables());
        savedText.set(prompt.text());
        text.set(prompt.text());
        overridden.set(prompt.overridden());
        status.set(prompt.overridden()
                ? "Your organisation's text · " + prompt.version()
                        + (prompt.savedAt() == null ? "" : " · saved " + Times.dayAndTime(prompt.savedAt()))
                : "The default text · " + prompt.version());
        loaded.set(true);
    }

    private static String describe(PromptStep step) {
        return switch (step) {
            case ANALYZE -> "Reads the lead's last messages and names the stage, intent, sentiment and language.";
            case DECIDE -> "Chooses what the bot does next: answer, offer a call to action, or hand over to a person.";
            case GENERATE -> "Writes the message the lead receives.";
            case SUMMARIZE -> "Rewrites the conversation's memory after each reply.";
            case FOLLOWUP -> "Writes the follow-up sent when a lead has gone quiet.";
        };
    }

    private String textProblem() {
        if (!loaded.get()) {
            return "";
        }
        if (text.get().isBlank()) {
            return "A prompt cannot be empty.";
        }
        Set<String> known = variables.stream().map(Prompt.Variable::name).collect(Collectors.toSet());
        Set<String> unknown = new LinkedHashSet<>();
        Matcher tags = TAG.matcher(text.get());
        while (tags.find()) {
            if (!known.contains(tags.group(1))) {
                unknown.add("{{" + tags.group(1) + "}}");
            }
        }
        return unknown.isEmpty() ? "" : "Not a variable of this step: " + String.join(", ", unknown)
                + ". The server will refuse it; use the variables listed.";
    }

    public ReadOnlyObjectProperty<PromptStep> stepProperty() {
        return step;
    }

    public StringBinding stepDescriptionProperty() {
        return stepDescription;
    }

    public StringProperty textProperty() {
        return text;
    }

    public BooleanBinding dirtyProperty() {
        return dirty;
    }

    public ReadOnlyBooleanProperty overriddenProperty() {
        return overridden;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    public ObservableList<Prompt.Variable> variables() {
        return variables;
    }

    public ReadOnlyBooleanProperty readOnlyProperty() {
        return readOnly;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    public ReadOnlyStringProperty savedProperty() {
        return saved;
    }

    public ReadOnlyStringProperty unsavedWarningProperty() {
        return unsavedWarning;
    }

    public StringBinding textProblemProperty() {
        return textProblem;
    }

    public BooleanBinding canSaveProperty() {
        return canSave;
    }

    public BooleanBinding canResetProperty() {
        return canReset;
    }
}
