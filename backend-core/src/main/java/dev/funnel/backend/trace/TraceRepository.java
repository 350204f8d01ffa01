package dev.funnel.backend.trace;

import dev.funnel.backend.db.Tx;
import dev.funnel.backend.pipeline.StepTrace;
import java.time.Instant;
import java.util.UUID;

/** {@code conversation_events}: what each pipeline step saw, answered, took and cost, per turn. */
public final class TraceRepository {

    public static final String PIPELINE_STEP = "pipeline_step";

    public void recordStep(Tx tx, UUID organisationId, UUID conversationId, UUID inboundMessageId, StepTrace step,
                           String model, Instant now) {
        tx.update("""
                INSERT INTO conversation_events (id, organisation_id, conversation_id, message_id, event_type,
                    pipeline_step, input_summary, output_summary, latency_ms, input_tokens, output_tokens, model,
                    created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                UUID.randomUUID(), organisationId, conversationId, inboundMessageId, PIPELINE_STEP, step.step().id(),
                step.inputSummary(), step.outputSummary(), step.latencyMs(), step.inputTokens(), step.outputTokens(),
                model, now);
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
}
