package dev.funnel.backend.prompts;

import dev.funnel.backend.db.Tx;
import dev.funnel.backend.pipeline.PipelineStep;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

/** {@code prompt_revisions}: every save and reset of an organisation's prompts, the latest in effect. */
final class PromptRepository {

    /** One save ({@code body} set) or reset ({@code body} null) of a step's prompt. */
    record Revision(PipelineStep step, int number, String body, Instant savedAt) {

        String version() {
            return "org-" + number;
        }
    }

    /** The latest revision of each step the organisation ever saved. */
    Map<PipelineStep, Revision> latest(Tx tx, UUID organisationId) {
        Map<PipelineStep, Revision> latest = new EnumMap<>(PipelineStep.class);
        tx.query("""
                SELECT step, revision, body, saved_at FROM prompt_revisions p
                WHERE organisation_id = ? AND revision = (SELECT MAX(revision) FROM prompt_revisions
                    WHERE organisation_id = p.organisation_id AND step = p.step)""",
                rs -> new Revision(PipelineStep.parse(rs.getString("step")).orElseThrow(), rs.getInt("revision"),
                        rs.getString("body"), Tx.instant(rs, "saved_at")),
                organisationId).forEach(revision -> latest.put(revision.step(), revision));
        return latest;
    }

    /** Adds the step's next revision: its text, or null to go back to the default. */
    Revision add(Tx tx, UUID organisationId, PipelineStep step, String body, UUID userId, Instant now) {
        // saves of one organisation take turns on its row, so two never pick the same number
        tx.queryOne("SELECT id FROM organisations WHERE id = ? FOR UPDATE", rs -> true, organisationId);
        int next = tx.queryOne("""
                SELECT COALESCE(MAX(revision), 0) + 1 AS next FROM prompt_revisions
                WHERE organisation_id = ? AND step = ?""", rs -> rs.getInt("next"), organisationId, step.id())
                .orElseThrow();
        tx.update("""
                INSERT INTO prompt_revisions (organisation_id, step, revision, body, saved_by, saved_at)
                VALUES (?, ?, ?, ?, ?, ?)""", organisationId, step.id(), next, body, userId, now);
        return new Revision(step, next, body, now);
    }
}
