package dev.funnel.backend.prompts;

import dev.funnel.backend.audit.AuditLog;
import dev.funnel.backend.auth.Caller;
import dev.funnel.backend.auth.Tokens;
import dev.funnel.backend.db.Db;
import dev.funnel.backend.http.ApiException;
import dev.funnel.backend.http.Fields;
import dev.funnel.backend.http.Json;
import dev.funnel.backend.pipeline.PipelineStep;
import dev.funnel.backend.pipeline.PromptLibrary;
import dev.funnel.backend.pipeline.PromptVariables;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The organisation's prompts, one per pipeline step: read them, save its own text for a step, or
 * go back to the default. A text is checked before it is saved, so a turn never meets a broken one.
 */
public final class PromptsService implements HttpService {

    /** Generous for a prompt; it keeps a pasted document from being sent to the model on every turn. */
    private static final int MAX_TEXT_LENGTH = 20_000;

    record SaveRequest(String text) {
    }

    record PromptOut(String step, String text, boolean overridden, String version, Instant savedAt,
                     List<PromptVariables.Variable> variables) {

        static PromptOut of(EffectivePrompt prompt) {
            return new PromptOut(prompt.step().id(), prompt.text(), prompt.overridden(), prompt.version(),
                    prompt.savedAt(), PromptVariables.allowedFor(prompt.step()));
        }
    }

    private final Db db;
    private final Tokens tokens;
    private final OrganisationPrompts prompts;
    private final Clock clock;
    private final AuditLog audit = new AuditLog();

    public PromptsService(Db db, Tokens tokens, OrganisationPrompts prompts, Clock clock) {
        this.db = db;
        this.tokens = tokens;
        this.prompts = prompts;
        this.clock = clock;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::list)
                .get("/{step}", this::get)
                .put("/{step}", this::save)
                .delete("/{step}", this::reset);
    }

    private void list(ServerRequest req, ServerResponse res) {
        Caller caller = tokens.caller(req);
        Json.ok(res, db.inTransaction(tx -> prompts.effective(tx, caller.organisationId())).stream()
                .map(PromptOut::of).toList());
    }

    private void get(ServerRequest req, ServerResponse res) {
        Caller caller = tokens.caller(req);
        PipelineStep step = step(req);
        Json.ok(res, PromptOut.of(db.inTransaction(tx -> prompts.effective(tx, caller.organisationId())).stream()
                .filter(prompt -> prompt.step() == step).findFirst().orElseThrow()));
    }

    private void save(ServerRequest req, ServerResponse res) {
        Caller caller = tokens.caller(req).requireAdmin("change prompts");
        PipelineStep step = step(req);
        SaveRequest body = Json.read(req, SaveRequest.class);
        new Fields().required("text", body.text()).maxLength("text", body.text(), MAX_TEXT_LENGTH).validate();
        try {
            PromptLibrary.check(step, body.text(), "unsaved");
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        Instant now = clock.instant();
        EffectivePrompt saved = db.inTransaction(tx -> {
            EffectivePrompt prompt = prompts.save(tx, caller.organisationId(), step, body.text(), caller.userId(), now);
            audit.record(tx, caller.organisationId(), caller.userId(), "prompt.saved", "prompt",
                    step.id() + ":" + prompt.version(), now);
            return prompt;
        });
        Json.ok(res, PromptOut.of(saved));
    }

    private void reset(ServerRequest req, ServerResponse res) {
        Caller caller = tokens.caller(req).requireAdmin("change prompts");
        PipelineStep step = step(req);
        Instant now = clock.instant();
        EffectivePrompt reset = db.inTransaction(tx -> {
            EffectivePrompt prompt = prompts.reset(tx, caller.organisationId(), step, caller.userId(), now);
            audit.record(tx, caller.organisationId(), caller.userId(), "prompt.reset", "prompt", step.id(), now);
            return prompt;
        });
        Json.ok(res, PromptOut.of(reset));
    }

    private static PipelineStep step(ServerRequest req) {
        String id = req.path().pathParameters().get("step");
        return Arrays.stream(PipelineStep.values()).filter(step -> step.id().equals(id)).findFirst()
                .orElseThrow(() -> new ApiException(Status.NOT_FOUND_404, "There is no prompt for step '" + id
                        + "'; the steps are " + Arrays.stream(PipelineStep.values()).map(PipelineStep::id)
                        .collect(Collectors.joining(", "))));
    }
}
