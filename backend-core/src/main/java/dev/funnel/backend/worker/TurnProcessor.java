package dev.funnel.backend.worker;

import dev.funnel.backend.conversations.Conversation;
import dev.funnel.backend.conversations.ConversationEvents;
import dev.funnel.backend.conversations.ConversationRepository;
import dev.funnel.backend.conversations.Message;
import dev.funnel.backend.conversations.MessageRepository;
import dev.funnel.backend.db.Db;
import dev.funnel.backend.leads.Lead;
import dev.funnel.backend.leads.LeadRepository;
import dev.funnel.backend.organisations.Organisation;
import dev.funnel.backend.organisations.OrganisationRepository;
import dev.funnel.backend.pipeline.LlmClient;
import dev.funnel.backend.pipeline.LlmSettings;
import dev.funnel.backend.pipeline.Pipeline;
import dev.funnel.backend.pipeline.PipelineException;
import dev.funnel.backend.pipeline.PipelineResult;
import dev.funnel.backend.pipeline.PromptLibrary;
import dev.funnel.backend.pipeline.StepTrace;
import dev.funnel.backend.settings.LlmSettingsService;
import dev.funnel.backend.trace.TraceRepository;
import dev.funnel.backend.whatsapp.OutboundSender;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * One lead message, start to finish: store it exactly once, then (in bot mode, with a model
 * configured) run the pipeline and act on its decision. A turn interrupted by a crash resumes
 * from what was committed: a reply recorded but not sent is sent, never generated twice.
 */
public final class TurnProcessor {

    private static final Logger LOG = Logger.getLogger(TurnProcessor.class.getName());

    static final String NO_MODEL_REASON =
            "No language model is configured, so the bot did not answer: reply yourself or set a model in Settings";

    /** A stored lead message and what it belongs to. */
    record Arrival(Organisation org, Conversation conversation, Message inbound, boolean isNew) {
    }

    private final Db db;
    private final LlmSettingsService llmSettings;
    private final PromptLibrary prompts;
    private final PipelineContext context;
    private final OutboundSender sender;
    private final ConversationEvents events;
    private final Clock clock;
    private final OrganisationRepository organisations = new OrganisationRepository();
    private final LeadRepository leads = new LeadRepository();
    private final ConversationRepository conversations = new ConversationRepository();
    private final MessageRepository messages = new MessageRepository();
    private final TraceRepository traces = new TraceRepository();

    public TurnProcessor(Db db, LlmSettingsService llmSettings, PromptLibrary prompts, OutboundSender sender,
                         ConversationEvents events, Clock clock) {
        this.db = db;
        this.llmSettings = llmSettings;
        this.prompts = prompts;
        this.context = new PipelineContext();
        this.sender = sender;
        this.events = events;
        this.clock = clock;
    }

    public void handle(InboundEvent event) {
        store(event).ifPresent(this::runTurn);
    }

    private Optional<Arrival> store(InboundEvent event) {
        Instant now = clock.instant();
        Optional<Arrival> arrival = db.inTransaction(tx -> {
            Optional<OrganisationRepository.Route> route = organisations.route(tx, event.phoneNumberId());
            if (route.isEmpty()) {
                LOG.warning(() -> "No organisation has WhatsApp phone number id " + event.phoneNumberId()
                        + ": message " + event.message().waMessageId() + " was not stored");
                return Optional.empty();
            }
            Organisation org = organisations.find(tx, route.get().organisationId()).orElseThrow();
            Lead lead = leads.getOrCreate(tx, org.id(), event.from(), event.profileName(), event.waUserId(),
                    route.get().simulated(), now);
            Conversation conversation = conversations.getOrCreate(tx, org.id(), lead.id(), now);
            MessageRepository.Stored stored = messages.storeInbound(tx, conversation, event.message(), now);
            if (!stored.inserted() && !"pending".equals(stored.message().turnStatus())) {
                return Optional.empty(); // a redelivery of a message whose turn is finished
            }
            if (stored.inserted()) {
                Instant at = event.message().waTimestamp() == null ? now : event.message().waTimestamp();
                conversations.recordLeadMessage(tx, conversation.id(), preview(stored.message()), at, now);
            }
            return Optional.of(new Arrival(org, conversations.find(tx, org.id(), conversation.id()).orElseThrow(),
                    stored.message(), stored.inserted()));
        });
        arrival.filter(Arrival::isNew).ifPresent(a -> {
            events.messageCreated(a.conversation(), a.inbound());
            events.conversationUpdated(a.conversation());
        });
        return arrival;
    }

    private void runTurn(Arrival a) {
        String replyKey = "reply:" + a.inbound().id();
        Optional<Message> recordedReply = db.inTransaction(tx -> messages.findByIdempotencyKey(tx, replyKey));
        if (recordedReply.isPresent()) {
            sendAndFinish(a, recordedReply.get());
            return;
        }
        if (a.conversation().inHumanMode()) {
            finish(a, "human");
            return;
        }
        LlmSettings llm = llmSettings.resolve(a.org());
        if (!llm.isConfigured()) {
            handOff(a, NO_MODEL_REASON, false, List.of(), null);
            return;
        }
        PipelineResult result;
        try {
            result = new Pipeline(new LlmClient(llm), prompts)
                    .run(db.inTransaction(tx -> context.build(tx, a.org(), a.conversation(), clock.instant())));
        } catch (PipelineException e) {
            LOG.warning(() -> "Pipeline failed for conversation " + a.conversation().id() + ": " + e.getMessage());
            handOff(a, "The bot could not answer (" + e.getMessage() + "): please reply yourself", true,
                    e.traces(), llm.model());
            return;
        }
        act(a, result, llm.model(), replyKey);
    }

    private void act(Arrival a, PipelineResult result, String model, String replyKey) {
        Instant now = clock.instant();
        TurnOutcome outcome = db.inTransaction(tx -> {
            Conversation current = conversations.lock(tx, a.org().id(), a.conversation().id()).orElseThrow();
            for (StepTrace step : result.trace()) {
                traces.recordStep(tx, a.org().id(), current.id(), a.inbound().id(), step, model, now);
            }
            TurnState state = TurnState.after(current, result);
            conversations.applyTurn(tx, current.id(), state.stage(), state.intentLevel(), state.sentiment(),
                    result.summary().updatedRollingSummary(), now);
            TurnOutcome decided = TurnOutcome.decide(tx, traces, conversations, messages, current, a.inbound(),
                    result, replyKey, now);
            if (decided.reply() == null) {
                messages.finishTurn(tx, a.inbound().id(), "done", now);
            }
            return decided.withConversation(conversations.find(tx, a.org().id(), current.id()).orElseThrow());
        });
        if (outcome.reply() != null) {
            sendAndFinish(new Arrival(a.org(), outcome.conversation(), a.inbound(), false), outcome.reply());
        } else {
            events.conversationUpdated(outcome.conversation());
        }
        if (outcome.attentionReason() != null) {
            events.humanAttentionRequired(outcome.conversation(), outcome.attentionReason());
        }
    }

    private void sendAndFinish(Arrival a, Message reply) {
        sender.deliver(a.conversation(), reply);
        finish(a, "done");
    }

    private void finish(Arrival a, String turnStatus) {
        db.inTransactionRun(tx -> messages.finishTurn(tx, a.inbound().id(), turnStatus, clock.instant()));
    }

    /** Puts a person in charge: the conversation is flagged (and the bot paused if asked) and consoles alerted. */
    private void handOff(Arrival a, String reason, boolean pauseBot, List<StepTrace> stepsRun, String model) {
        Instant now = clock.instant();
        Conversation flagged = db.inTransaction(tx -> {
            for (StepTrace step : stepsRun) {
                traces.recordStep(tx, a.org().id(), a.conversation().id(), a.inbound().id(), step, model, now);
            }
            traces.recordOutcome(tx, a.org().id(), a.conversation().id(), a.inbound().id(), "handoff", reason, now);
            conversations.flag(tx, a.conversation().id(), reason, pauseBot, now);
            messages.finishTurn(tx, a.inbound().id(), "handed_off", now);
            return conversations.find(tx, a.org().id(), a.conversation().id()).orElseThrow();
        });
        events.conversationUpdated(flagged);
        events.humanAttentionRequired(flagged, reason);
    }

    static String preview(Message m) {
        return m.content() != null ? m.content() : "[" + m.messageType() + "]";
    }
}
