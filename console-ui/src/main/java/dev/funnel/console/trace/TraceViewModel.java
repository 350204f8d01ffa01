package dev.funnel.console.trace;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.funnel.console.backend.ApiJson;
import dev.funnel.console.backend.BackendClient;
import dev.funnel.console.backend.DryRun;
import dev.funnel.console.backend.KnowledgeSource;
import dev.funnel.console.backend.Replay;
import dev.funnel.console.backend.TraceStep;
import dev.funnel.console.backend.Turn;
import dev.funnel.console.backend.TurnTotals;
import dev.funnel.console.common.ErrorMessages;
import dev.funnel.console.common.TaskExecutor;
import dev.funnel.console.knowledge.Passages;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Why the bot said what it said: a turn's steps with their prompt version, inputs, answers,
 * latency, tokens and cost, the knowledge-base snippets its generate step was given, what the
 * guardrails did and how the turn ended, and a replay with the current prompts next to the original reply.
 */
public final class TraceViewModel {

    static final String NO_SOURCES = "No knowledge-base snippet was given to this turn: the analyze step did not "
            + "ask for one, or no document matched.";

    private final BackendClient client;
    private final TaskExecutor executor;
    private final String conversationId;
    private final String turnId;

    private final StringProperty leadMessage = new SimpleStringProperty("");
    private final ObservableList<StepLine> steps = FXCollections.observableArrayList();
    private final ObservableList<String> outcomes = FXCollections.observableArrayList();
    private final ObservableList<SourceLine> sources = FXCollections.observableArrayList();
    private final StringProperty sourcesNote = new SimpleStringProperty("");
    private final StringProperty replaySources = new SimpleStringProperty("");
    private final StringProperty totals = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final BooleanProperty replaying = new SimpleBooleanProperty();
    private final BooleanProperty replayed = new SimpleBooleanProperty();
    private final StringProperty replyThen = new SimpleStringProperty("");
    private final StringProperty replyNow = new SimpleStringProperty("");
    private final StringProperty replayFigures = new SimpleStringProperty("");
    private final StringProperty reconstructed = new SimpleStringProperty("");

    /** @param turnId the turn that wrote a bot reply (the message's turn id) */
    public TraceViewModel(BackendClient client, TaskExecutor executor, String conversationId, String turnId) {
        this.client = client;
        this.executor = executor;
        this.conversationId = conversationId;
        this.turnId = turnId;
    }

    public void load() {
        loading.set(true);
        error.set("");
        executor.execute(() -> client.turn(conversationId, turnId), turn -> {
            loading.set(false);
            show(turn);
        }, failure -> {
            loading.set(false);
            error.set("The trace could not be loaded: " + ErrorMessages.describe(failure));
        });
    }

    /** Runs the turn again with the current prompts; the bot sends nothing. */
    public void replay() {
        if (replaying.get()) {
            return;
        }
        replaying.set(true);
        error.set("");
        executor.execute(() -> client.replayTurn(conversationId, turnId), answer -> {
            replaying.set(false);
            showReplay(answer);
        }, failure -> {
            replaying.set(false);
            error.set("The replay failed: " + ErrorMessages.describe(failure));
        });
    }

    private void show(Turn turn) {
        leadMessage.set(turn.leadMessage() == null ? "The lead's message has no text (media) or was deleted."
                : "The lead wrote: \u201c" + turn.leadMessage() + "\u201d");
        steps.setAll(turn.steps().stream().map(TraceViewModel::line).toList());
        sources.setAll(turn.sources().stream().map(s -> new SourceLine(sourceTitle(s), s.excerpt())).toList());
        sourcesNote.set(sources.isEmpty() ? NO_SOURCES : "");
        outcomes.setAll(turn.outcomes().stream().map(TraceViewModel::outcome).toList());
        if (outcomes.isEmpty()) {
            outcomes.add("The bot replied; no guardrail stepped in.");
        }
        totals.set("Total: " + figures(turn.totals()));
    }

    private void showReplay(Replay answer) {
        replyThen.set(answer.replyThen() != null ? answer.replyThen() : "The bot sent nothing in this turn.");
        DryRun now = answer.now();
        String guardrails = now.interventions().isEmpty() ? "" : "\nGuardrails: " + now.interventions().stream()
                .map(i -> i.rule() + " (" + i.detail() + ")").collect(Collectors.joining("; "));
        replyNow.set((now.reply() != null ? now.reply()
                : "The bot would send nothing now: " + now.action() + " \u2014 " + now.why()) + guardrails);
        replayFigures.set("Replay: " + figures(now.totals()));
        replaySources.set(now.sources().isEmpty() ? "Knowledge used now: none."
                : "Knowledge used now:\n" + now.sources().stream().map(TraceViewModel::sourceTitle)
                        .map(title -> "\u2022 " + title).collect(Collectors.joining("\n")));
        reconstructed.set("How the turn's input was rebuilt:\n" + answer.reconstructed().stream()
                .map(note -> "\u2022 " + note).collect(Collectors.joining("\n")));
        replayed.set(true);
    }

    private static StepLine line(TraceStep step) {
        String tokens = step.promptTokens() == null ? "tokens unknown"
                : step.promptTokens() + " tokens in / " + step.completionTokens() + " out";
        String figures = String.join("  \u00b7  ", (step.latencyMs() == null ? "?" : step.latencyMs()) + " ms",
                tokens, cost(step.costUsd(), step.costNote()));
        return new StepLine(step.step().toUpperCase(Locale.ROOT), Objects.requireNonNullElse(step.promptVersion(),
                "unknown prompt"), Objects.requireNonNullElse(step.inputSummary(), ""),
                pretty(step.outputSummary()), figures);
    }

    private static String sourceTitle(KnowledgeSource source) {
        return Passages.where(source.documentName(), source.chunkIndex(), source.score());
    }

    private static String outcome(TraceStep row) {
        String what = row.eventType().startsWith("guardrail_")
                ? "Guardrail " + row.eventType().substring("guardrail_".length()).replace('_', ' ')
                : row.eventType().replace('_', ' ');
        return row.outputSummary() == null || row.outputSummary().isBlank() ? what : what + ": " + row.outputSummary();
    }

    private static String figures(TurnTotals totals) {
        return totals.latencyMs() + " ms  \u00b7  " + totals.promptTokens() + " tokens in / "
                + totals.completionTokens() + " out  \u00b7  " + cost(totals.costUsd(), totals.costNote());
    }

    private static String cost(BigDecimal usd, String note) {
        return usd != null ? "$" + usd.stripTrailingZeros().toPlainString()
                : Objects.requireNonNullElse(note, "cost unknown");
    }

    /** A step's answer is compact JSON; a failed attempt's is a sentence, shown as it is. */
    static String pretty(String output) {
        if (output == null) {
            return "";
        }
        try {
            return ApiJson.MAPPER.readTree(output).toPrettyString();
        } catch (JsonProcessingException notJson) {
            return output;
        }
    }

    public ReadOnlyStringProperty leadMessageProperty() {
        return leadMessage;
    }

    public ObservableList<StepLine> steps() {
        return steps;
    }

    public ObservableList<String> outcomes() {
        return outcomes;
    }

    public ObservableList<SourceLine> sources() {
        return sources;
    }

    /** Says why the turn has no sources; empty while loading and when it has some. */
    public ReadOnlyStringProperty sourcesNoteProperty() {
        return sourcesNote;
    }

    /** The sources the replay's generate step was given, one per line. */
    public ReadOnlyStringProperty replaySourcesProperty() {
        return replaySources;
    }

    public ReadOnlyStringProperty totalsProperty() {
        return totals;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading;
    }

    public ReadOnlyBooleanProperty replayingProperty() {
        return replaying;
    }

    public ReadOnlyBooleanProperty replayedProperty() {
        return replayed;
    }

    public ReadOnlyStringProperty replyThenProperty() {
        return replyThen;
    }

    public ReadOnlyStringProperty replyNowProperty() {
        return replyNow;
    }

    public ReadOnlyStringProperty replayFiguresProperty() {
        return replayFigures;
    }

    public ReadOnlyStringProperty reconstructedProperty() {
        return reconstructed;
    }
}
