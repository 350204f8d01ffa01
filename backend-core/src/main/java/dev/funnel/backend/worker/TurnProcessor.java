package dev.funnel.backend.worker;

import dev.funnel.backend.conversations.Conversation;
import dev.funnel.backend.conversations.ConversationEvents;
import dev.funnel.backend.conversations.ConversationRef;
import dev.funnel.backend.conversations.ConversationRepository;
import dev.funnel.backend.conversations.Message;
import dev.funnel.backend.conversations.MessageRepository;
import dev.funnel.backend.ctas.Cta;
import dev.funnel.backend.ctas.CtaRepository;
import dev.funnel.backend.db.Db;
import dev.funnel.backend.db.Tx;
import dev.funnel.backend.followups.FollowupPlanner;
import dev.funnel.backend.knowledge.KnowledgeBase;
import dev.funnel.backend.organisations.Organisation;
import dev.funnel.backend.organisations.OrganisationRepository;
import dev.funnel.backend.pipeline.DecisionAction;
import dev.funnel.backend.pipeline.Guardrails;
import dev.funnel.backend.pipeline.LlmClient;
import dev.funnel.backend.pipeline.LlmClients;
import dev.funnel.backend.pipeline.LlmSettings;
import dev.funnel.backend.pipeline.Pipeline;
import dev.funnel.backend.pipeline.PipelineException;
import dev.funnel.backend.pipeline.PipelineInput;
import dev.funnel.backend.pipeline.PipelineResult;
import dev.funnel.backend.pipeline.PromptLibrary;
import dev.funnel.backend.pipeline.StepTrace;
import dev.funnel.backend.prompts.OrganisationPrompts;
import dev.funnel.backend.settings.LlmSettingsService;
import dev.funnel.backend.trace.TraceRepository;
import dev.funnel.backend.whatsapp.OutboundSender;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * One bot turn of a conversation: every lead message still pending is answered together. The turn
 * reads its context, runs the pipeline outside any transaction, then records its outcome (traces,
 * state, the reply) and closes the messages it answered in one transaction; the reply is sent after
 * that commit. A crash before the commit leaves the messages pending (the turn runs again); after
 * it, the recorded reply is sent on restart — the model never runs twice for the same messages.
 */
public final class TurnProcessor {

    private static final Logger LOG = Logger.getLogger(TurnProcessor.class.getName());
    private static final int MAX_RETRIES = 3;
    /** A lead should not wait longer than this for the bot to get past a failing model before a person steps in. */
    private static final Duration RETRY_BUDGET = Duration.ofSeconds(90);

    static final String NO_MODEL_REASON =
            "No language model is configured, so the bot did not answer: reply yourself or set a model in Settings";

    private final Db db;
    private final LlmSettingsService llmSettings;
    private final WorkerConfig config;
    private final LlmClients clients;
    private final OrganisationPrompts prompts;
    private final PipelineContext context = new PipelineContext();
    private final OutboundSender sender;
    private final ConversationEvents events;
    private final FollowupPlanner followups;
    private final KnowledgeBase knowledge;
    private final Clock clock;
    private final Map<ConversationRef, Failures> retries = new ConcurrentHashMap<>();
    private final OrganisationRepository organisations = new OrganisationRepository();
    private final ConversationRepository conversations = new ConversationRepository();
    private final MessageRepository messages = new MessageRepository();
    private final CtaRepository ctas = new CtaRepository();
    private final TraceRepository traces;

    /** @param config the retries' first delay */
    public TurnProcessor(Db db, LlmSettingsService llmSettings, WorkerConfig config, LlmClients clients,
                         OrganisationPrompts prompts,
                         TraceRepository traces, OutboundSender sender, ConversationEvents events,
                         FollowupPlanner followups, KnowledgeBase knowledge, Clock clock) {
        this.db = db;
        this.llmSettings = llmSettings;
        this.config = config;
        this.clients = clients;
        this.prompts = prompts;
        this.traces = traces;
        this.sender = sender;
        this.events = events;
        this.followups = followups;
        this.knowledge = knowledge;
        this.clock = clock;
    }

    /** Runs the conversation's turn; returns a delay when it should be tried again later. */
    public Optional<Duration> runTurn(ConversationRef ref) {
        record Start(Organisation org, Conversation conversation, List<Message> pending) {
        }
        Start start = db.inTransaction(tx -> new Start(
                organisations.find(tx, ref.organisationId()).orElseThrow(),
                conversations.find(tx, ref.organisationId(), ref.conversationId()).orElseThrow(),
                messages.pendingTurn(tx, ref.organisationId(), ref.conversationId())));
        if (start.pending().isEmpty()) {
            return Optional.empty();
        }
        if (start.conversation().inHumanMode()) {
            db.inTransactionRun(tx -> messages.finishTurn(tx, start.pending(), "human", clock.instant()));
            return Optional.empty();
        }
        LlmSettings llm = llmSettings.resolve(start.org());
        if (!llm.isConfigured()) {
            handOff(start.conversation(), start.pending(), NO_MODEL_REASON, false, List.of(), null);
            return Optional.empty();
        }
        // the lead sees "read" and "typing…" while the model thinks; the turn does not wait for Meta's answer
        Thread.ofVirtual().name("funnel-typing").start(() -> sender.showTyping(start.conversation(), start.pending()));
        LlmClient client = clients.forSettings(llm);
        record Prepared(PromptLibrary prompts, PipelineInput input) {
        }
        PipelineResult result;
        try {
            Prepared prepared = db.inTransaction(tx -> new Prepared(prompts.forOrganisation(tx, ref.organisationId()),
                    context.build(tx, start.org(), start.conversation(), start.pending(), clock.instant())));
            result = new Pipeline(client, prepared.prompts(), knowledge.lookup(ref.organisationId())).run(prepared.input(), PipelineContext.policy(start.org()));
        } catch (PipelineException e) {
            return failed(ref, start.conversation(), start.pending(), e, llm.model());
        }
        retries.remove(ref);
        if (!act(start.conversation(), start.pending(), result, llm.model())) {
            // another backend answered some of these messages meanwhile: the rest get a turn of their own
            return Optional.of(Duration.ZERO);
        }
        return Optional.empty();
    }

    /** After a restart: send replies that were recorded but not sent. Returns conversations with pending turns. */
    public List<ConversationRef> recover() {
        for (Message reply : db.inTransaction(messages::unsentBotReplies)) {
            db.inTransaction(tx -> conversations.find(tx, reply.organisationId(), reply.conversationId()))
                    .ifPresent(c -> sender.deliver(c, reply));
        }
        return db.inTransaction(messages::conversationsWithPendingTurns);
    }

    /**
     * Records the turn's outcome and sends its reply. Backends sharing the database may each run a turn
     * of the same conversation (each heard some of its messages); the conversation's lock makes the
     * first to commit the one that answers. False when that was another turn, which took some of these
     * messages meanwhile: this one's reply is dropped (its model calls stay in the trace).
     */
    private boolean act(Conversation conversation, List<Message> pending, PipelineResult result, String model) {
        Instant now = clock.instant();
        UUID lastInbound = pending.getLast().id();
        record Acted(TurnOutcome outcome, Cta cta) {
        }
        Acted acted = db.inTransaction(tx -> {
            Conversation current = conversations.lock(tx, conversation.organisationId(), conversation.id()).orElseThrow();
            for (StepTrace step : result.trace()) {
                traces.recordStep(tx, current.organisationId(), current.id(), lastInbound, step, model, now);
            }
            traces.recordSources(tx, current.organisationId(), current.id(), lastInbound, result.sources(), now);
            if (!messages.allPending(tx, pending)) {
                traces.recordOutcome(tx, current.organisationId(), current.id(), lastInbound, "turn_superseded",
                        "Another backend's turn answered some of these messages first; this reply was dropped", now);
                return null;
            }
            for (Guardrails.Intervention rule : result.interventions()) {
                traces.recordOutcome(tx, current.organisationId(), current.id(), lastInbound,
                        "guardrail_" + rule.rule(), rule.detail(), now);
            }
            TurnState state = TurnState.after(current, result);
            conversations.applyTurn(tx, current.id(), state.stage(), state.intentLevel(), state.sentiment(),
                    result.summary().updatedRollingSummary(), state.leadLanguage(), now);
            Cta cta = initiateCta(tx, current, result, lastInbound, now);
            TurnOutcome decided = TurnOutcome.decide(tx, traces, conversations, messages, current,
                    pending.getLast(), result, Message.turnReplyKey(lastInbound), now);
            if (result.decision().action() == DecisionAction.WAIT_SCHEDULE) {
                followups.afterWait(tx, current, lastInbound, result.decision(), now);
            }
            messages.finishTurn(tx, pending, decided.attentionReason() == null ? "done" : "handed_off", now);
            return new Acted(decided.withConversation(
                    conversations.find(tx, current.organisationId(), current.id()).orElseThrow()), cta);
        });
        if (acted == null) {
            return false;
        }
        TurnOutcome outcome = acted.outcome();
        if (outcome.reply() != null) {
            followups.afterBotMessage(outcome.conversation(), sender.deliver(outcome.conversation(), outcome.reply()),
                    lastInbound);
        } else {
            events.conversationUpdated(outcome.conversation());
        }
        if (acted.cta() != null) {
            events.ctaInitiated(outcome.conversation(), acted.cta(), now);
        }
        if (outcome.attentionReason() != null) {
            events.flagged(outcome.conversation(), outcome.attentionReason());
        }
        return true;
    }

    /**
     * The CTA the decision recommends, when the bot goes on by itself: the conversation moves to the
     * CTA stage. A name that is none of the organisation's active CTAs is noted in the trace and ignored.
     */
    private Cta initiateCta(Tx tx, Conversation current, PipelineResult result, UUID lastInbound, Instant now) {
        String name = result.decision().recommendedCta();
        if (name == null || result.decision().action() == DecisionAction.HANDOFF_HUMAN) {
            return null;
        }
        Optional<Cta> cta = ctas.findActive(tx, current.organisationId(), name);
        if (cta.isEmpty()) {
            traces.recordOutcome(tx, current.organisationId(), current.id(), lastInbound, "cta_unknown",
                    "The model recommended '" + name + "', which is none of the organisation's active CTAs", now);
            return null;
        }
        conversations.initiateCta(tx, current.id(), cta.get().id(), now);
        traces.recordOutcome(tx, current.organisationId(), current.id(), lastInbound, "cta_initiated",
                cta.get().name(), now);
        return cta.get();
    }

    /** How often and since when a conversation's turn has failed in a row. */
    private record Failures(int attempts, Instant first) {
    }

    /**
     * Timeouts, rate limits and server errors are tried again with doubling waits, a few times and
     * within {@link #RETRY_BUDGET} of the first failure; anything else goes to a person at once.
     */
    private Optional<Duration> failed(ConversationRef ref, Conversation conversation, List<Message> pending,
                                      PipelineException e, String model) {
        Instant now = clock.instant();
        Failures failures = retries.merge(ref, new Failures(1, now),
                (before, next) -> new Failures(before.attempts() + 1, before.first()));
        int attempt = failures.attempts();
        Duration delay = config.turnRetryDelay().multipliedBy(1L << (attempt - 1));
        boolean withinBudget = Duration.between(failures.first(), now).plus(delay).compareTo(RETRY_BUDGET) <= 0;
        if (e.retriable() && attempt <= MAX_RETRIES && withinBudget) {
            LOG.warning(() -> "Pipeline failed for conversation " + conversation.id() + " (attempt " + attempt
                    + "), retrying in " + delay.toMillis() + " ms: " + e.getMessage());
            return Optional.of(delay);
        }
        retries.remove(ref);
        LOG.warning(() -> "Pipeline failed for conversation " + conversation.id() + ": " + e.getMessage());
        handOff(conversation, pending, "The bot could not answer (" + e.getMessage() + "): please reply yourself",
                true, e.traces(), model);
        return Optional.empty();
    }

    /** Puts a person in charge: the conversation is flagged (and the bot paused if asked) and consoles alerted. */
    private void handOff(Conversation conversation, List<Message> pending, String reason, boolean pauseBot,
                         List<StepTrace> stepsRun, String model) {
        Instant now = clock.instant();
        UUID lastInbound = pending.getLast().id();
        Conversation flagged = db.inTransaction(tx -> {
            for (StepTrace step : stepsRun) {
                traces.recordStep(tx, conversation.organisationId(), conversation.id(), lastInbound, step, model, now);
            }
            traces.recordOutcome(tx, conversation.organisationId(), conversation.id(), lastInbound, "handoff", reason,
                    now);
            conversations.flag(tx, conversation.id(), reason, pauseBot, now);
            messages.finishTurn(tx, pending, "handed_off", now);
            return conversations.find(tx, conversation.organisationId(), conversation.id()).orElseThrow();
        });
        events.conversationUpdated(flagged);
        events.flagged(flagged, reason);
    }
}
