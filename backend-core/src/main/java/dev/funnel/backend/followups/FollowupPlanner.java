package dev.funnel.backend.followups;

import dev.funnel.backend.conversations.Conversation;
import dev.funnel.backend.conversations.ConversationRepository;
import dev.funnel.backend.conversations.Message;
import dev.funnel.backend.db.Db;
import dev.funnel.backend.db.Tx;
import dev.funnel.backend.organisations.OrganisationRepository;
import dev.funnel.backend.pipeline.Decision;
import dev.funnel.backend.pipeline.Guardrails;
import dev.funnel.backend.trace.TraceRepository;
import dev.funnel.backend.worker.PipelineContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Decides when a conversation's next follow-up is due: when the bot chose to wait, at the time it
 * chose (or the cadence's first nudge when it named none); after the bot spoke, at the next nudge of
 * the organisation's cadence, and after the last nudge a ghost check. Nothing is scheduled in human
 * mode, while a person is asked to look, or once the follow-up caps are reached; the trace says why.
 */
public final class FollowupPlanner {

    static final String EVENT_SCHEDULED = "followup_scheduled";
    static final String EVENT_NOT_SCHEDULED = "followup_not_scheduled";

    private final Db db;
    private final TraceRepository traces;
    private final Clock clock;
    private final FollowupRepository followups = new FollowupRepository();
    private final ConversationRepository conversations = new ConversationRepository();
    private final OrganisationRepository organisations = new OrganisationRepository();

    public FollowupPlanner(Db db, TraceRepository traces, Clock clock) {
        this.db = db;
        this.traces = traces;
        this.clock = clock;
    }

    /** In the turn's transaction, the conversation locked: the bot decided to wait instead of answering. */
    public void afterWait(Tx tx, Conversation c, UUID inbound, Decision decision, Instant now) {
        int minutes = decision.followupInMinutes();
        if (minutes > 0) {
            schedule(tx, c, inbound, ScheduledAction.Type.FOLLOWUP, now.plus(Duration.ofMinutes(minutes)),
                    "the bot chose to wait " + minutes + " min: " + decision.why(), now);
        } else {
            scheduleNext(tx, c, inbound, now);
        }
    }

    /** After the bot's message was handed to WhatsApp: the silence cadence starts (or goes on). */
    public void afterBotMessage(Conversation c, Message sent, UUID traceMessage) {
        if ("failed".equals(sent.status())) {
            return; // the lead never got it: there is nothing to follow up
        }
        Instant now = clock.instant();
        db.inTransactionRun(tx -> conversations.lock(tx, c.organisationId(), c.id())
                .ifPresent(locked -> scheduleNext(tx, locked, traceMessage, now)));
    }

    /** The cadence's next step after the bot's last message: a nudge, or the ghost check when none is left. */
    private void scheduleNext(Tx tx, Conversation c, UUID traceMessage, Instant now) {
        Cadence cadence = followups.cadence(tx, c.organisationId());
        Cadence.Step step = cadence.next(c.lastUserMessageAt(), c.lastBotMessageAt(), now);
        String why = step.type() == ScheduledAction.Type.FOLLOWUP
                ? "nudge " + step.nudge() + " of " + cadence.nudges().size() + " after the lead went quiet"
                : "the last nudge was sent: the lead counts as ghosted if they have not written by then";
        schedule(tx, c, traceMessage, step.type(), step.at(), why, now);
    }

    private void schedule(Tx tx, Conversation c, UUID traceMessage, ScheduledAction.Type type, Instant at, String why,
                          Instant now) {
        Optional<String> refused = refusal(tx, c, type, now);
        if (refused.isPresent()) {
            traces.recordOutcome(tx, c.organisationId(), c.id(), traceMessage, EVENT_NOT_SCHEDULED,
                    "No " + type.id() + " scheduled: " + refused.get(), now);
            return;
        }
        followups.schedule(tx, c.organisationId(), c.id(), type, at, why, now);
        traces.recordOutcome(tx, c.organisationId(), c.id(), traceMessage, EVENT_SCHEDULED,
                type.id() + " at " + at + ": " + why, now);
    }

    /**
     * Why no action of this type may be scheduled or run for the conversation now; empty when it may.
     * The follow-ups sent are counted afresh, and the conversation's counters updated with them.
     */
    Optional<String> refusal(Tx tx, Conversation c, ScheduledAction.Type type, Instant now) {
        FollowupRepository.Sent sent = followups.refreshCounts(tx, c.id(), now);
        if (c.inHumanMode()) {
            return Optional.of("a person has taken over the conversation");
        }
        if (c.needsAttention()) {
            return Optional.of("the conversation waits for a person: " + c.attentionReason());
        }
        if (type == ScheduledAction.Type.GHOST_CHECK) {
            return Optional.empty();
        }
        Guardrails.Policy policy = PipelineContext.policy(organisations.find(tx, c.organisationId()).orElseThrow());
        return Guardrails.followupCapReached(sent.last24h(), sent.total(), policy);
    }
}
