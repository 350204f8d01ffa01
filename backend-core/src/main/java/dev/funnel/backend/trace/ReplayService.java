package dev.funnel.backend.trace;

import dev.funnel.backend.audit.AuditLog;
import dev.funnel.backend.auth.Caller;
import dev.funnel.backend.auth.Tokens;
import dev.funnel.backend.conversations.Conversation;
import dev.funnel.backend.conversations.ConversationRepository;
import dev.funnel.backend.conversations.Message;
import dev.funnel.backend.conversations.MessageRepository;
import dev.funnel.backend.db.Db;
import dev.funnel.backend.http.ApiException;
import dev.funnel.backend.http.Json;
import dev.funnel.backend.http.RequestParams;
import dev.funnel.backend.organisations.Organisation;
import dev.funnel.backend.organisations.OrganisationRepository;
import dev.funnel.backend.pipeline.PipelineResult;
import dev.funnel.backend.pipeline.PromptLibrary;
import dev.funnel.backend.prompts.OrganisationPrompts;
import dev.funnel.backend.worker.PipelineContext;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

/**
 * "What would the bot say now?": a past turn run again with the organisation's current prompts on
 * the input the turn had, rebuilt as far as it was stored (see {@link PastInput}). Nothing is sent
 * or stored but an audit entry. Mounted under {@code /conversations}.
 */
public final class ReplayService implements HttpService {

    private final Db db;
    private final Tokens tokens;
    private final TraceRepository traces;
    private final DryRuns dryRuns;
    private final OrganisationPrompts prompts;
    private final Clock clock;
    private final PastInput pastInput;
    private final ConversationRepository conversations = new ConversationRepository();
    private final OrganisationRepository organisations = new OrganisationRepository();
    private final MessageRepository messages = new MessageRepository();
    private final AuditLog audit = new AuditLog();

    public ReplayService(Db db, Tokens tokens, TraceRepository traces, DryRuns dryRuns, OrganisationPrompts prompts,
                         Clock clock) {
        this.db = db;
        this.tokens = tokens;
        this.traces = traces;
        this.dryRuns = dryRuns;
        this.prompts = prompts;
        this.clock = clock;
        this.pastInput = new PastInput(traces);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/{id}/turns/{turnId}/replay", this::replay);
    }

    private void replay(ServerRequest req, ServerResponse res) {
        Caller caller = tokens.caller(req);
        UUID id = RequestParams.uuid(req, "id");
        UUID turnId = RequestParams.uuid(req, "turnId");
        record Prepared(Organisation org, PromptLibrary prompts, Turn then, String replyThen, PastInput.Rebuilt past) {
        }
        Prepared prepared = db.inTransaction(tx -> {
            Conversation c = conversations.find(tx, caller.organisationId(), id)
                    .orElseThrow(() -> ApiException.notFound("Conversation"));
            Turn then = traces.turn(tx, caller.organisationId(), id, turnId)
                    .orElseThrow(() -> ApiException.notFound("Turn"));
            Organisation org = organisations.find(tx, caller.organisationId()).orElseThrow();
            String replyThen = messages.findByIdempotencyKey(tx, Message.turnReplyKey(turnId))
                    .filter(m -> m.organisationId().equals(caller.organisationId()))
                    .map(Message::content).orElse(null);
            return new Prepared(org, prompts.forOrganisation(tx, org.id()), then, replyThen,
                    pastInput.rebuild(tx, org, c, then));
        });
        DryRuns.Ran<PipelineResult> ran = dryRuns.run(prepared.org(), prepared.prompts(),
                pipeline -> pipeline.run(prepared.past().input(), PipelineContext.policy(prepared.org())));
        PipelineResult result = ran.output();
        DryRun now = dryRuns.answer(ran.model(), result.decision(), result.message(), result.trace(),
                result.interventions(), result.sources());
        db.inTransactionRun(tx -> audit.record(tx, caller.organisationId(), caller.userId(), "turn.replayed",
                "conversation", id, Map.of("turn_id", turnId.toString(), "model_calls", now.steps().size()),
                clock.instant()));
        Json.ok(res, new Replay(turnId, prepared.then().leadMessage(), prepared.replyThen(), prepared.then(), now,
                prepared.past().reconstructed()));
    }
}
