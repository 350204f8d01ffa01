package dev.funnel.backend.trace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.funnel.backend.db.Tx;
import dev.funnel.backend.http.Json;
import dev.funnel.backend.knowledge.KnowledgeHit;
import dev.funnel.backend.knowledge.KnowledgeSource;
import dev.funnel.backend.pipeline.PipelineStep;
import dev.funnel.backend.pipeline.StepTrace;
import dev.funnel.backend.pipeline.Summary;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code conversation_events}: what each pipeline step saw, answered, took and cost, per turn. A
 * turn's rows carry the inbound message it answered, which is how a turn is found again.
 */
public final class TraceRepository {

    public static final String PIPELINE_STEP = "pipeline_step";
    /** The row that lists the knowledge base snippets a turn's message was written with (JSON). */
    static final String KNOWLEDGE_SOURCES = "knowledge_sources";

    private static final String SELECT_ROWS = """
            SELECT e.id, e.message_id, e.event_type, e.pipeline_step, e.prompt_version, e.input_summary,
                e.output_summary, e.latency_ms, e.input_tokens, e.output_tokens, e.model, e.cost_usd, e.created_at,
                m.content AS lead_message
            FROM conversation_events e LEFT JOIN messages m ON m.id = e.message_id
            WHERE e.organisation_id = ? AND e.conversation_id = ? AND\s""";

    private record Loaded(UUID turnId, String leadMessage, TraceRow row) {
    }

    private final ModelPrices prices;

    public TraceRepository(ModelPrices prices) {
        this.prices = prices;
    }

    /** The step's row, with its cost at the model's configured price (none when the model has no price). */
    public void recordStep(Tx tx, UUID organisationId, UUID conversationId, UUID inboundMessageId, StepTrace step,
                           String model, Instant now) {
        BigDecimal cost = prices.cost(model, step.inputTokens(), step.outputTokens()).orElse(null);
        tx.update("""
                INSERT INTO conversation_events (id, organisation_id, conversation_id, message_id, event_type,
                    pipeline_step, prompt_version, input_summary, output_summary, latency_ms, input_tokens,
                    output_tokens, model, cost_usd, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                UUID.randomUUID(), organisationId, conversationId, inboundMessageId, PIPELINE_STEP, step.step().id(),
                step.promptVersion(), step.inputSummary(), step.outputSummary(), step.latencyMs(), step.inputTokens(),
                step.outputTokens(), model, cost, now);
    }

    /** A turn outcome that is not a step: a handoff, a suppressed reply, a failure. */
    public void recordOutcome(Tx tx, UUID organisationId, UUID conversationId, UUID inboundMessageId,
                              String eventType, String detail, Instant now) {
        tx.update("""
                INSERT INTO conversation_events (id, organisation_id, conversation_id, message_id, event_type,
                    output_summary, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""",
                UUID.randomUUID(), organisationId, conversationId, inboundMessageId, eventType, detail, now);
    }

    /** The knowledge base snippets the turn's message was written with; nothing is recorded for none. */
    public void recordSources(Tx tx, UUID organisationId, UUID conversationId, UUID inboundMessageId,
                              List<KnowledgeHit> sources, Instant now) {
        if (!sources.isEmpty()) {
            recordOutcome(tx, organisationId, conversationId, inboundMessageId, KNOWLEDGE_SOURCES,
                    Json.text(sources.stream().map(KnowledgeSource::of).toList()), now);
        }
    }

    /** The conversation's latest turns, newest first. */
    public List<Turn> turns(Tx tx, UUID organisationId, UUID conversationId, int limit) {
        return turns(tx.query(SELECT_ROWS + """
                e.message_id IN (SELECT message_id FROM conversation_events
                    WHERE organisation_id = ? AND conversation_id = ? AND message_id IS NOT NULL
                    GROUP BY message_id ORDER BY MIN(created_at) DESC LIMIT ?)""",
                TraceRepository::load, organisationId, conversationId, organisationId, conversationId, limit));
    }

    public Optional<Turn> turn(Tx tx, UUID organisationId, UUID conversationId, UUID turnId) {
        return turns(tx.query(SELECT_ROWS + "e.message_id = ?", TraceRepository::load, organisationId,
                conversationId, turnId)).stream().findFirst();
    }

    /**
     * The rolling summary the conversation had at {@code at}: the one the last summarize step before
     * then wrote; empty when none had run.
     */
    public Optional<String> summaryBefore(Tx tx, UUID organisationId, UUID conversationId, Instant at) {
        return tx.queryOne("""
                SELECT output_summary FROM conversation_events
                WHERE organisation_id = ? AND conversation_id = ? AND pipeline_step = ? AND created_at < ?
                    AND output_summary LIKE '{%'
                ORDER BY created_at DESC LIMIT 1""",
                rs -> Summary.fromJson(rs.getString("output_summary")).updatedRollingSummary(),
                organisationId, conversationId, PipelineStep.SUMMARIZE.id(), at);
    }

    private static List<Turn> turns(List<Loaded> rows) {
        Map<UUID, List<Loaded>> byTurn = new LinkedHashMap<>();
        rows.forEach(loaded -> byTurn.computeIfAbsent(loaded.turnId(), id -> new ArrayList<>()).add(loaded));
        return byTurn.values().stream().map(TraceRepository::turn)
                .sorted(Comparator.comparing(Turn::recordedAt).reversed()).toList();
    }

    /** A turn's rows share one timestamp, so its steps are put in the order the pipeline runs them. */
    private static Turn turn(List<Loaded> loaded) {
        List<TraceRow> rows = loaded.stream().map(Loaded::row).toList();
        List<TraceRow> steps = rows.stream().filter(row -> row.step() != null)
                .sorted(Comparator.comparing((TraceRow row) -> PipelineStep.parse(row.step()).map(Enum::ordinal)
                        .orElse(Integer.MAX_VALUE)).thenComparing(TraceRow::createdAt)).toList();
        List<TraceRow> outcomes = rows.stream()
                .filter(row -> row.step() == null && !row.eventType().equals(KNOWLEDGE_SOURCES))
                .sorted(Comparator.comparing(TraceRow::createdAt)).toList();
        List<KnowledgeSource> sources = rows.stream().filter(row -> row.eventType().equals(KNOWLEDGE_SOURCES))
                .flatMap(row -> sources(row.outputSummary()).stream()).toList();
        Instant recordedAt = rows.stream().map(TraceRow::createdAt).min(Comparator.naturalOrder()).orElseThrow();
        return new Turn(loaded.getFirst().turnId(), loaded.getFirst().leadMessage(), recordedAt, steps, outcomes,
                TurnTotals.of(steps), sources);
    }

    private static List<KnowledgeSource> sources(String json) {
        try {
            return Json.MAPPER.readValue(json, new TypeReference<List<KnowledgeSource>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A turn's knowledge sources are not the JSON they were written as", e);
        }
    }

    private static Loaded load(ResultSet rs) throws SQLException {
        String step = rs.getString("pipeline_step");
        String model = rs.getString("model");
        BigDecimal cost = rs.getBigDecimal("cost_usd");
        return new Loaded(Tx.uuid(rs, "message_id"), rs.getString("lead_message"), new TraceRow(
                Tx.uuid(rs, "id"), rs.getString("event_type"), step, rs.getString("prompt_version"),
                rs.getString("input_summary"), rs.getString("output_summary"), rs.getObject("latency_ms", Long.class),
                rs.getObject("input_tokens", Integer.class), rs.getObject("output_tokens", Integer.class), model, cost,
                TraceRow.costNote(step, model, cost), Tx.instant(rs, "created_at")));
    }
}
