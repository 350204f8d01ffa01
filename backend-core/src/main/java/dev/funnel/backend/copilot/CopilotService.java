package dev.funnel.backend.copilot;

import dev.funnel.backend.audit.AuditLog;
import dev.funnel.backend.auth.Caller;
import dev.funnel.backend.auth.Tokens;
import dev.funnel.backend.conversations.Conversation;
import dev.funnel.backend.conversations.ConversationRepository;
import dev.funnel.backend.db.Db;
import dev.funnel.backend.http.ApiException;
import dev.funnel.backend.http.Json;
import dev.funnel.backend.http.RequestParams;
import dev.funnel.backend.organisations.Organisation;
import dev.funnel.backend.organisations.OrganisationRepository;
import dev.funnel.backend.pipeline.Draft;
import dev.funnel.backend.pipeline.PipelineInput;
import dev.funnel.backend.pipeline.PromptLibrary;
import dev.funnel.backend.prompts.OrganisationPrompts;
import dev.funnel.backend.trace.DryRun;
import dev.funnel.backend.trace.DryRuns;
import dev.funnel.backend.worker.PipelineContext;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The copilot: while a person holds a conversation, the bot drafts a reply for them to edit and
 * send. The draft is only answered: nothing is sent or stored and the conversation is unchanged;
 * the audit log notes that one was asked for. Mounted under {@code /conversations}.
 */
public final class CopilotService implements HttpService {

    private final Db db;
    private final Tokens tokens;
    private final DryRuns dryRuns;
    private final OrganisationPrompts prompts;
    private final Clock clock;
    private final PipelineContext context = new PipelineContext();
    private final ConversationRepository conversations = new ConversationRepository();
    private final OrganisationRepository organisations = new OrganisationRepository();
    private final AuditLog audit = new AuditLog();

    public CopilotService(Db db, Tokens tokens, DryRuns dryRuns, OrganisationPrompts prompts, Clock clock) {
        this.db = db;
        this.tokens = tokens;
        this.dryRuns = dryRuns;
        this.prompts = prompts;
        this.clock = clock;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/{id}/suggest-reply", this::suggestReply);
    }

    private void suggestReply(ServerRequest req, ServerResponse res) {
        Caller caller = tokens.caller(req);
        UUID id = RequestParams.uuid(req, "id");
        record Prepared(Organisation org, PromptLibrary prompts, PipelineInput input) {
        }
        Prepared prepared = db.inTransaction(tx -> {
            Conversation c = conversations.find(tx, caller.organisationId(), id)
                    .orElseThrow(() -> ApiException.notFound("Conversation"));
            if (!c.inHumanMode()) {
                throw ApiException.conflict("The bot is answering this conversation: take it over to get a"
                        + " suggested reply");
            }
            Organisation org = organisations.find(tx, caller.organisationId()).orElseThrow();
            return new Prepared(org, prompts.forOrganisation(tx, org.id()),
                    context.build(tx, org, c, List.of(), clock.instant()));
        });
        DryRuns.Ran<Draft> ran = dryRuns.run(prepared.org(), prepared.prompts(),
                pipeline -> pipeline.draft(prepared.input(), PipelineContext.policy(prepared.org())));
        Draft draft = ran.output();
        DryRun suggested = dryRuns.answer(ran.model(), draft.decision(), draft.message(), draft.trace(),
                draft.interventions(), draft.sources());
        db.inTransactionRun(tx -> audit.record(tx, caller.organisationId(), caller.userId(),
                "conversation.reply_suggested", "conversation", id,
                Map.of("drafted", suggested.reply() != null, "model_calls", suggested.steps().size()),
                clock.instant()));
        Json.ok(res, suggested);
    }
}
