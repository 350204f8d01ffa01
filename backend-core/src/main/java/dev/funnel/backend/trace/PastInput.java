package dev.funnel.backend.trace;

import dev.funnel.backend.conversations.Conversation;
import dev.funnel.backend.conversations.Message;
import dev.funnel.backend.conversations.MessageRepository;
import dev.funnel.backend.db.Tx;
import dev.funnel.backend.http.ApiException;
import dev.funnel.backend.organisations.Organisation;
import dev.funnel.backend.pipeline.ConversationStage;
import dev.funnel.backend.pipeline.IntentLevel;
import dev.funnel.backend.pipeline.PipelineInput;
import dev.funnel.backend.pipeline.PipelineStep;
import dev.funnel.backend.pipeline.Sentiment;
import dev.funnel.backend.worker.PipelineContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The input a past turn had, rebuilt for a replay. A turn's exact input is not stored: its trace
 * keeps the few inputs each step's input summary names (stage, intent, sentiment, follow-up counts),
 * the summarize steps keep the summaries they wrote, and the messages are still there. What cannot
 * be rebuilt is taken from today, and {@link Rebuilt#reconstructed()} says which is which.
 */
final class PastInput {

    /** {@code name=value} pairs of an input summary, before the lead's own words. */
    private static final Pattern FIELD = Pattern.compile("(?:^| )([a-z_0-9]+)=(\\S+)");
    private static final String LEAD_SAID = " lead said: ";

    /** @param reconstructed one sentence per input: where its value came from */
    record Rebuilt(PipelineInput input, List<String> reconstructed) {
    }

    private final TraceRepository traces;
    private final MessageRepository messages = new MessageRepository();
    private final PipelineContext context = new PipelineContext();

    PastInput(TraceRepository traces) {
        this.traces = traces;
    }

    Rebuilt rebuild(Tx tx, Organisation org, Conversation today, Turn turn) {
        Message answered = messages.find(tx, org.id(), turn.turnId())
                .filter(m -> m.conversationId().equals(today.id()))
                .orElseThrow(() -> ApiException.conflict("The lead's message this turn answered is no longer stored,"
                        + " so the turn cannot be replayed"));
        List<String> notes = new ArrayList<>();
        Map<String, String> analyzed = recorded(turn, PipelineStep.ANALYZE);
        Map<String, String> decided = recorded(turn, PipelineStep.DECIDE);

        String stage = value(analyzed, "stage", ConversationStage::parse, today.stage());
        String intent = value(analyzed, "intent", IntentLevel::parse, today.intentLevel());
        String sentiment = value(analyzed, "sentiment", Sentiment::parse, today.userSentiment());
        notes.add(analyzed.isEmpty()
                ? "Stage, intent and sentiment: today's, as the turn's trace has no analyze step"
                : "Stage, intent and sentiment: as the turn's analyze step recorded them");
        Integer followups24h = count(decided, "followups_24h");
        Integer nudges = count(decided, "total_nudges");
        notes.add(followups24h == null || nudges == null
                ? "Follow-up counts: today's, as the turn's trace has no decide step"
                : "Follow-up counts (last 24 hours and in total): as the turn's decide step recorded them");
        Optional<String> summary = traces.summaryBefore(tx, org.id(), today.id(), turn.recordedAt());
        notes.add(summary.isPresent()
                ? "Rolling summary: the one the last summarize step before the turn wrote"
                : "Rolling summary: blank, as no summarize step had run before the turn");
        Instant lastBot = messages.lastBotMessageBefore(tx, org.id(), today.id(), answered.createdAt()).orElse(null);
        notes.add("Time: the turn's recorded time " + turn.recordedAt() + ", with the lead last writing the message"
                + " it answered, so the 24-hour window and quiet hours are judged as then");

        Conversation asThen = new Conversation(today.id(), today.organisationId(), today.leadId(), today.leadName(),
                today.leadPhone(), today.simulated(), stage, intent, sentiment, today.mode(), today.needsAttention(),
                today.attentionReason(), summary.orElse(""), answered.content(), answered.createdAt(),
                answered.createdAt(), lastBot, followups24h == null ? today.followupCount24h() : followups24h,
                nudges == null ? today.totalNudges() : nudges, today.updatedAt(), today.leadLanguage(),
                today.unreadCount());
        PipelineInput input = context.asAt(tx, org, asThen, answered, turn.recordedAt());
        notes.addFirst("Messages: the last " + input.lastMessages().size() + " up to the lead's message the turn"
                + " answered, as stored now");
        notes.add("From today, as no turn stores them: the organisation's profile, playbook, tone, CTAs and limits,"
                + " the lead's language, the model and the prompts");
        return new Rebuilt(input, notes);
    }

    /** The named inputs the step's input summary recorded; empty when the turn has no such step. */
    private static Map<String, String> recorded(Turn turn, PipelineStep step) {
        Map<String, String> fields = new HashMap<>();
        turn.steps().stream().filter(row -> step.id().equals(row.step()) && row.inputSummary() != null)
                .findFirst()
                .ifPresent(row -> {
                    String summary = row.inputSummary();
                    int said = summary.indexOf(LEAD_SAID);
                    Matcher m = FIELD.matcher(said < 0 ? summary : summary.substring(0, said));
                    while (m.find()) {
                        fields.put(m.group(1), m.group(2));
                    }
                });
        return fields;
    }

    private static String value(Map<String, String> fields, String name, Function<String, Optional<?>> parse,
                                String today) {
        String recorded = fields.get(name);
        return recorded != null && parse.apply(recorded).isPresent() ? recorded : today;
    }

    private static Integer count(Map<String, String> fields, String name) {
        try {
            return fields.containsKey(name) ? Integer.valueOf(fields.get(name)) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
