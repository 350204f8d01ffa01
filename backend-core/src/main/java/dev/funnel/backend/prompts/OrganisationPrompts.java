package dev.funnel.backend.prompts;

import dev.funnel.backend.db.Db;
import dev.funnel.backend.db.Tx;
import dev.funnel.backend.pipeline.PipelineException;
import dev.funnel.backend.pipeline.PipelineStep;
import dev.funnel.backend.pipeline.PromptLibrary;
import dev.funnel.backend.pipeline.PromptTemplate;
import dev.funnel.backend.prompts.PromptRepository.Revision;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Each organisation's prompts: its own text for the steps where it saved one, the defaults elsewhere. */
public final class OrganisationPrompts {

    private final Db db;
    private final PromptLibrary defaults;
    private final PromptRepository revisions = new PromptRepository();

    public OrganisationPrompts(Db db, PromptLibrary defaults) {
        this.db = db;
        this.defaults = defaults;
    }

    /**
     * The library a turn of the organisation runs with.
     *
     * @throws PipelineException (not retriable) when a saved prompt no longer passes the checks, so the
     *                           turn goes to a person with the reason instead of failing silently
     */
    public PromptLibrary forOrganisation(UUID organisationId) {
        return db.inTransaction(tx -> forOrganisation(tx, organisationId));
    }

    /** The same, read in the caller's transaction. */
    public PromptLibrary forOrganisation(Tx tx, UUID organisationId) {
        Map<PipelineStep, PromptTemplate> own = new EnumMap<>(PipelineStep.class);
        for (EffectivePrompt prompt : effective(tx, organisationId)) {
            if (prompt.overridden()) {
                own.put(prompt.step(), checked(prompt));
            }
        }
        return defaults.withOverrides(own);
    }

    /** Every step's prompt as the organisation has it, in pipeline order. */
    public List<EffectivePrompt> effective(Tx tx, UUID organisationId) {
        Map<PipelineStep, Revision> latest = revisions.latest(tx, organisationId);
        return Arrays.stream(PipelineStep.values()).map(step -> effective(step, latest.get(step))).toList();
    }

    public EffectivePrompt save(Tx tx, UUID organisationId, PipelineStep step, String text, UUID userId, Instant now) {
        return effective(step, revisions.add(tx, organisationId, step, text, userId, now));
    }

    /** Goes back to the default; a step that has no text of its own is left as it is. */
    public EffectivePrompt reset(Tx tx, UUID organisationId, PipelineStep step, UUID userId, Instant now) {
        Revision latest = revisions.latest(tx, organisationId).get(step);
        if (latest == null || latest.body() == null) {
            return effective(step, latest);
        }
        return effective(step, revisions.add(tx, organisationId, step, null, userId, now));
    }

    private EffectivePrompt effective(PipelineStep step, Revision latest) {
        if (latest == null || latest.body() == null) {
            PromptTemplate template = defaults.forStep(step);
            return new EffectivePrompt(step, template.text(), template.version(), false, null);
        }
        return new EffectivePrompt(step, latest.body(), latest.version(), true, latest.savedAt());
    }

    private static PromptTemplate checked(EffectivePrompt prompt) {
        try {
            return PromptLibrary.check(prompt.step(), prompt.text(), prompt.version());
        } catch (IllegalArgumentException e) {
            throw new PipelineException("the organisation's " + prompt.step().id() + " prompt (" + prompt.version()
                    + ") is not valid any more: " + e.getMessage() + " Edit or reset that prompt", false, e);
        }
    }
}
