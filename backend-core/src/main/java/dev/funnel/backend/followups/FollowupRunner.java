package dev.funnel.backend.followups;

import dev.funnel.backend.conversations.Conversation;
import dev.funnel.backend.conversations.ConversationEvents;
import dev.funnel.backend.conversations.ConversationRepository;
import dev.funnel.backend.conversations.Message;
import dev.funnel.backend.conversations.MessageRepository;
import dev.funnel.backend.db.Db;
import dev.funnel.backend.db.Tx;
import dev.funnel.backend.http.ApiException;
import dev.funnel.backend.http.Json;
import dev.funnel.backend.organisations.FollowupTemplate;
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
import dev.funnel.backend.templates.TemplateSends;
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
 * it was scheduled, and when the caps are reached; it waits out the organisation's quiet hours. Inside
 * the 24-hour window the follow-up step writes the nudge; outside it WhatsApp takes only an approved
 * template, so the organisation's follow-up template goes with its values filled in and no model is
 * asked, and without one (or one Meta no longer approves) the follow-up is cancelled and the
 * conversation flagged for a person. The message is recorded under {@code followup:<action id>} in the
 * transaction that marks the action executed (a crash then never writes it twice; the worker's start-up
 * sends it if it was not sent), then sent, and the next step of the cadence is scheduled. A ghost check
 * marks the conversation {@code ghosted}.
 */
public final class FollowupRunner {

    static final int MAX_ATTEMPTS = 3;
    private static final Duration RETRY_DELAY = Duration.ofMinutes(2);
    static final String WINDOW_CLOSED = "the lead last wrote over 24 hours ago and WhatsApp allows only an approved "
            + "template now";
    static final String CHOOSE_A_TEMPLATE = ": choose an approved follow-up template in Settings → Organisation → "
            + "Follow-up template, and write to this lead yourself with a template";
    static final String NO_TEMPLATE = WINDOW_CLOSED + ", but no follow-up template is chosen" + CHOOSE_A_TEMPLATE;

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
    private final TemplateSends templateSends = new TemplateSends();

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

    /** What the checks, in their transaction, left to do once it commits. */
    private sealed interface Next {
        /** Cancelled or postponed, and recorded why: nothing more. */
        record Done() implements Next {
        }

        /** Cleared to be written by the model. */
        record Write(Organisation org, UUID traceMessage, PipelineInput input) implements Next {
        }

        /** Recorded and the action executed: to be sent, and the next nudge planned. */
        record Send(Conversation conversation, Message message, UUID traceMessage) implements Next {
        }

        /** Cancelled and the conversation flagged: a person is told. */
        record AskAPerson(Conversation flagged, String reason) implements Next {
        }
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
        switch (db.inTransaction(tx -> clear(tx, action, clock.instant()))) {
            case Next.Done _ -> {
                // cancelled or postponed, and why recorded
            }
            case Next.Write write -> write(action, write);
            case Next.Send send -> deliver(send);
            case Next.AskAPerson ask -> tell(ask);
        }
    }

    private void write(ScheduledAction action, Next.Write cleared) {
        String model = null;
        try {
            LlmSettings llm = llmSettings.resolve(cleared.org());
            if (!llm.isConfigured()) {
                db.inTransactionRun(tx -> cancel(tx, action, cleared.traceMessage(),
                        "no language model is configured", clock.instant()));
                return;
            }
            model = llm.model();
            FollowupResult result = new Pipeline(clients.forSettings(llm), prompts.forOrganisation(cleared.org().id()))
                    .followup(cleared.input(), PipelineContext.policy(cleared.org()));
            send(action, cleared.traceMessage(), result, model);
        } catch (PipelineException e) {
            failed(action, e, model);
        }
    }

    /**
     * Checks that the follow-up may go out now, recording why when it may not; outside the 24-hour window
     * it also records the template, or hands the lead to a person.
     */
    private Next clear(Tx tx, ScheduledAction action, Instant now) {
        Organisation org = organisations.find(tx, action.organisationId()).orElseThrow();
        Conversation c = conversations.lock(tx, action.organisationId(), action.conversationId()).orElseThrow();
        UUID traceMessage = followups.lastLeadMessage(tx, c.id()).orElse(null);
        if (cancelledAsSkipped(tx, c, action, traceMessage, now)) {
            return new Next.Done();
        }
        // the counters were just refreshed by the cap check: read them again for the prompt
        PipelineInput input = context.build(tx, org, conversations.find(tx, org.id(), c.id()).orElseThrow(), List.of(), now);
        Optional<Instant> quietUntil = new QuietHours(input.timeZone(), input.quietHoursStart(), input.quietHoursEnd())
                .endAround(now);
        if (quietUntil.isPresent()) {
            String reason = "postponed: quiet hours until " + quietUntil.get();
            followups.postpone(tx, action, quietUntil.get(), reason);
            traces.recordOutcome(tx, org.id(), c.id(), traceMessage, "followup_postponed", reason, now);
            return new Next.Done();
        }
        if (!input.windowOpen()) {
            return template(tx, action, org, c, traceMessage, now);
        }
        return new Next.Write(org, traceMessage, input);
    }

    /** Records the organisation's follow-up template, filled in for the lead; a person decides when it cannot go. */
    private Next template(Tx tx, ScheduledAction action, Organisation org, Conversation c, UUID traceMessage,
                          Instant now) {
        Optional<FollowupTemplate> chosen = organisations.followupTemplate(tx, org.id());
        if (chosen.isEmpty()) {
            return askAPerson(tx, action, traceMessage, NO_TEMPLATE, now);
        }
        TemplateSends.Prepared template;
        try {
            template = templateSends.prepare(tx, org.id(), new TemplateSends.Request(chosen.get().templateId(), null,
                    null, chosen.get().parameters(c.leadName(), org.name())));
        } catch (ApiException e) {
            return askAPerson(tx, action, traceMessage, WINDOW_CLOSED + ", but the follow-up template cannot be sent ("
                    + e.getMessage() + ")" + CHOOSE_A_TEMPLATE, now);
        }
        Message message = messages.recordOutboundTemplate(tx, c, "bot", template.renderedText(),
                Json.text(template.message()), null, "followup:" + action.id(), null, now);
        return sent(tx, action, c, message, traceMessage, "Follow-up " + action.id() + " sent as the template "
                + template.message().name() + ": the lead's 24-hour window is closed", now);
    }

    private Next askAPerson(Tx tx, ScheduledAction action, UUID traceMessage, String reason, Instant now) {
        cancel(tx, action, traceMessage, reason, now);
        conversations.flag(tx, action.conversationId(), reason, false, now);
        return new Next.AskAPerson(conversations.find(tx, action.organisationId(), action.conversationId())
                .orElseThrow(), reason);
    }

    private Next.Send sent(Tx tx, ScheduledAction action, Conversation c, Message message, UUID traceMessage,
                           String detail, Instant now) {
        followups.finish(tx, action, "executed", null, now);
        traces.recordOutcome(tx, c.organisationId(), c.id(), traceMessage, "followup_sent", detail, now);
        return new Next.Send(c, message, traceMessage);
    }

    /** Hands the recorded message to WhatsApp and plans what comes next. */
    private void deliver(Next.Send send) {
        planner.afterBotMessage(send.conversation(), sender.deliver(send.conversation(), send.message()),
                send.traceMessage());
    }

    private void tell(Next.AskAPerson ask) {
        events.conversationUpdated(ask.flagged());
        events.flagged(ask.flagged(), ask.reason());
    }

    /** Records the nudge and closes the action in one transaction, then sends it and plans what comes next. */
    private void send(ScheduledAction action, UUID traceMessage, FollowupResult result, String model) {
        Instant now = clock.instant();
        Optional<Next.Send> recorded = db.inTransaction(tx -> {
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
            return Optional.of(sent(tx, action, c, message, traceMessage, "Follow-up " + action.id() + " sent", now));
        });
        recorded.ifPresent(this::deliver);
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
        tell(new Next.AskAPerson(flagged, reason));
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
