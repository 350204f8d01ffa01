package dev.funnel.backend.followups;

import dev.funnel.backend.conversations.Conversation;
import dev.funnel.backend.conversations.ConversationEvents;
import dev.funnel.backend.conversations.ConversationRepository;
import dev.funnel.backend.conversations.Message;
import dev.funnel.backend.conversations.MessageRepository;
import dev.funnel.backend.db.Db;
import dev.funnel.backend.db.Tx;
import dev.funnel.backend.organisations.Organisation;
import dev.funnel.backend.organisations.OrganisationRepository;
import dev.funnel.backend.pipeline.FollowupResult;
import dev.funnel.backend.pipeline.Guardrails;
import dev.funnel.backend.pipeline.LlmClients;
import dev.funnel.backend.pipeline.LlmSettings;
import dev.funnel.backend.pipeline.Pipeline;
import dev.funnel.backend.pipeline.PipelineException;
import dev.funnel.backend.pipeline.PipelineInput;
import dev.funnel.backend.pipeline.StepTrace;
import dev.funnel.backend.prompts.OrganisationPrompts;
import dev.funnel.backend.settings.LlmSettingsService;
import dev.funnel.backend.trace.TraceRepository;
import dev.funnel.backend.whatsapp.OutboundSender;
import dev.funnel.backend.worker.PipelineContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Runs one claimed action. A follow-up is skipped when a person is in charge or the lead wrote since
 * it was scheduled, and when the caps are reached; it waits out the organisation's quiet hours; outside
 * the 24-hour window it is cancelled. Otherwise the follow-up step writes the nudge, which is recorded
 * under {@code followup:<action id>} in the transaction that marks the action executed (a crash then
 * never writes it twice; the worker's start-up sends it if it was not sent), then sent, and the next
 * step of the cadence is scheduled. A ghost check marks the conversation {@code ghosted}.
 */
public final class FollowupRunner {

    static final int MAX_ATTEMPTS = 3;
    private static final Duration RETRY_DELAY = Duration.ofMinutes(2);
    static final String WINDOW_CLOSED = "the lead last wrote over 24 hours ago and WhatsApp allows only an approved "
            + "template now; follow-ups cannot send templates yet";

    private final Db db;
    private final LlmSettingsService llmSettings;
    private final LlmClients clients;
    private final OrganisationPrompts prompts;
    private final TraceRepository traces;
    private final OutboundSender sender;
    private final ConversationEvents events;
    private final FollowupPlanner planner;
    private final Clock clock;
    private final PipelineContext context = new PipelineContext();
    private final FollowupRepository followups = new FollowupRepository();
    private final OrganisationRepository organisations = new OrganisationRepository();
    private final ConversationRepository conversations = new ConversationRepository();
    private final MessageRepository messages = new MessageRepository();

    /** @param clients the model clients bot turns use too */
    public FollowupRunner(Db db, LlmSettingsService llmSettings, LlmClients clients, OrganisationPrompts prompts,
                          TraceRepository traces, OutboundSender sender, ConversationEvents events,
                          FollowupPlanner planner, Clock clock) {
        this.db = db;
        this.llmSettings = llmSettings;
        this.clients = clients;
        this.prompts = prompts;
        this.traces = traces;
        this.sender = sender;
        this.events = events;
        this.planner = planner;
        this.clock = clock;
    }

    /** What a follow-up needs once it is cleared to be written. */
    private record Cleared(Organisation org, UUID traceMessage, PipelineInput input) {
    }

    void run(ScheduledAction action) {
        if (action.attempts() > MAX_ATTEMPTS) {
            db.inTransactionRun(tx -> followups.finish(tx, action, "failed",
                    "gave up after " + MAX_ATTEMPTS + " attempts", clock.instant()));
            return;
        }
        switch (action.type()) {
            case FOLLOWUP -> followup(action);
            case GHOST_CHECK -> ghostCheck(action);
        }
    }

    private void followup(ScheduledAction action) {
        String model = null;
        try {
            Optional<Cleared> cleared = db.inTransaction(tx -> clear(tx, action, clock.instant()));
            if (cleared.isEmpty()) {
                return;
            }
            Organisation org = cleared.get().org();
            LlmSettings llm = llmSettings.resolve(org);
            if (!llm.isConfigured()) {
                db.inTransactionRun(tx -> cancel(tx, action, cleared.get().traceMessage(),
                        "no language model is configured", clock.instant()));
                return;
            }
            model = llm.model();
            FollowupResult result = new Pipeline(clients.forSettings(llm),
                    prompts.forOrganisation(org.id())).followup(cleared.get().input(), PipelineContext.policy(org));
            send(action, cleared.get().traceMessage(), result, model);
        } catch (PipelineException e) {
            failed(action, e, model);
        }
    }

    /** Checks, before the model is asked, that the follow-up may go out now; empty when it may not (and why is recorded). */
    private Optional<Cleared> clear(Tx tx, ScheduledAction action, Instant now) {
        Organisation org = organisations.find(tx, action.organisationId()).orElseThrow();
        Conversation c = conversations.find(tx, action.organisationId(), action.conversationId()).orElseThrow();
        UUID traceMessage = followups.lastLeadMessage(tx, c.id()).orElse(null);
        if (cancelledAsSkipped(tx, c, action, traceMessage, now)) {
            return Optional.empty();
        }
        // the counters were just refreshed by the cap check: read them again for the prompt
        PipelineInput input = context.build(tx, org, conversations.find(tx, org.id(), c.id()).orElseThrow(), List.of(), now);
        Optional<Instant> quietUntil = new QuietHours(input.timeZone(), input.quietHoursStart(), input.quietHoursEnd())
                .endAround(now);
        if (quietUntil.isPresent()) {
            String reason = "postponed: quiet hours until " + quietUntil.get();
            followups.postpone(tx, action, quietUntil.get(), reason);
            traces.recordOutcome(tx, org.id(), c.id(), traceMessage, "followup_postponed", reason, now);
            return Optional.empty();
        }
        if (!input.windowOpen()) {
            // the templates feature will send an approved template here instead of giving up
            cancel(tx, action, traceMessage, WINDOW_CLOSED, now);
            return Optional.empty();
        }
        return Optional.of(new Cleared(org, traceMessage, input));
    }

    /** Records the nudge and closes the action in one transaction, then sends it and plans what comes next. */
    private void send(ScheduledAction action, UUID traceMessage, FollowupResult result, String model) {
        Instant now = clock.instant();
        record Recorded(Conversation conversation, Message message) {
        }
        Optional<Recorded> recorded = db.inTransaction(tx -> {
            Conversation c = conversations.lock(tx, action.organisationId(), action.conversationId()).orElseThrow();
            recordSteps(tx, action, traceMessage, result.trace(), model, now);
            for (Guardrails.Intervention rule : result.interventions()) {
                traces.recordOutcome(tx, c.organisationId(), c.id(), traceMessage, "guardrail_" + rule.rule(),
                        rule.detail(), now);
            }
            // the model took a while: a person or the lead may have stepped in meanwhile
            if (cancelledAsSkipped(tx, c, action, traceMessage, now)) {
                return Optional.empty();
            }
            if (result.message().isEmpty()) {
                String reason = "the follow-up broke the message rules even when written again";
                followups.finish(tx, action, "failed", reason, now);
                traces.recordOutcome(tx, c.organisationId(), c.id(), traceMessage, "followup_failed", reason, now);
                return Optional.empty();
            }
            Message message = messages.recordOutbound(tx, c, "bot", result.message().get().messageText(), null,
                    "followup:" + action.id(), null, now);
            followups.finish(tx, action, "executed", null, now);
            traces.recordOutcome(tx, c.organisationId(), c.id(), traceMessage, "followup_sent",
                    "Follow-up " + action.id() + " sent", now);
            return Optional.of(new Recorded(c, message));
        });
        recorded.ifPresent(r -> planner.afterBotMessage(r.conversation(), sender.deliver(r.conversation(), r.message()),
                traceMessage));
    }

    /** Retriable failures wait a little and try again, a few times; the rest fail and a person is asked. */
    private void failed(ScheduledAction action, PipelineException e, String model) {
        Instant now = clock.instant();
        if (e.retriable() && action.attempts() < MAX_ATTEMPTS) {
            db.inTransactionRun(tx -> {
                recordSteps(tx, action, followups.lastLeadMessage(tx, action.conversationId()).orElse(null),
                        e.traces(), model, now);
                followups.postpone(tx, action, now.plus(RETRY_DELAY.multipliedBy(action.attempts())),
                        "the model failed and is asked again later: " + e.getMessage());
            });
            return;
        }
        String reason = "The bot could not write a follow-up (" + e.getMessage() + "): write to the lead yourself";
        Conversation flagged = db.inTransaction(tx -> {
            UUID traceMessage = followups.lastLeadMessage(tx, action.conversationId()).orElse(null);
            recordSteps(tx, action, traceMessage, e.traces(), model, now);
            followups.finish(tx, action, "failed", e.getMessage(), now);
            traces.recordOutcome(tx, action.organisationId(), action.conversationId(), traceMessage,
                    "followup_failed", reason, now);
            conversations.flag(tx, action.conversationId(), reason, false, now);
            return conversations.find(tx, action.organisationId(), action.conversationId()).orElseThrow();
        });
        events.conversationUpdated(flagged);
        events.flagged(flagged, reason);
    }

    private void ghostCheck(ScheduledAction action) {
        Instant now = clock.instant();
        Optional<Conversation> ghosted = db.inTransaction(tx -> {
            Conversation c = conversations.lock(tx, action.organisationId(), action.conversationId()).orElseThrow();
            UUID traceMessage = followups.lastLeadMessage(tx, c.id()).orElse(null);
            if (cancelledAsSkipped(tx, c, action, traceMessage, now)) {
                return Optional.empty();
            }
            followups.markGhosted(tx, c.id(), now);
            followups.finish(tx, action, "executed", null, now);
            traces.recordOutcome(tx, c.organisationId(), c.id(), traceMessage, "ghosted",
                    "The lead has not written since " + c.lastUserMessageAt() + ", after every follow-up", now);
            return conversations.find(tx, c.organisationId(), c.id());
        });
        ghosted.ifPresent(events::conversationUpdated);
    }

    /**
     * Cancels the action, saying why, when it must not run: a person is in charge, the lead wrote
     * since it was scheduled, or a cap is reached. True when it did.
     */
    private boolean cancelledAsSkipped(Tx tx, Conversation c, ScheduledAction action, UUID traceMessage,
                                       Instant now) {
        Optional<String> skip = c.lastUserMessageAt() != null && c.lastUserMessageAt().isAfter(action.createdAt())
                ? Optional.of("the lead wrote")
                : planner.refusal(tx, c, action.type(), now);
        skip.ifPresent(reason -> cancel(tx, action, traceMessage, reason, now));
        return skip.isPresent();
    }

    private void cancel(Tx tx, ScheduledAction action, UUID traceMessage, String reason, Instant now) {
        followups.finish(tx, action, "cancelled", reason, now);
        traces.recordOutcome(tx, action.organisationId(), action.conversationId(), traceMessage,
                "followup_cancelled", action.type().id() + " cancelled: " + reason, now);
    }

    private void recordSteps(Tx tx, ScheduledAction action, UUID traceMessage, List<StepTrace> steps, String model,
                             Instant now) {
        for (StepTrace step : steps) {
            traces.recordStep(tx, action.organisationId(), action.conversationId(), traceMessage, step, model, now);
        }
    }
}
