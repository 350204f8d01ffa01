package dev.funnel.backend.worker;

import dev.funnel.backend.conversations.Conversation;
import dev.funnel.backend.conversations.Message;
import dev.funnel.backend.conversations.MessageRepository;
import dev.funnel.backend.ctas.Cta;
import dev.funnel.backend.ctas.CtaRepository;
import dev.funnel.backend.db.Tx;
import dev.funnel.backend.organisations.Organisation;
import dev.funnel.backend.pipeline.ConversationStage;
import dev.funnel.backend.pipeline.Guardrails;
import dev.funnel.backend.pipeline.IntentLevel;
import dev.funnel.backend.pipeline.PipelineException;
import dev.funnel.backend.pipeline.PipelineInput;
import dev.funnel.backend.pipeline.Sentiment;
import dev.funnel.backend.pipeline.TurnMessage;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Builds what the pipeline sees of a conversation: profile, state, summary and the last messages. */
public final class PipelineContext {

    /** The rolling summary carries the rest of the history, so the prompt stays small. */
    private static final int LAST_MESSAGES = 3;
    /** The most messages the summary is shown that it has not taken in (after a person's long takeover). */
    private static final int NEW_MESSAGES = 20;

    private final MessageRepository messages = new MessageRepository();
    private final CtaRepository ctas = new CtaRepository();

    /** The organisation's limits, which the guardrails hold the model to. */
    public static Guardrails.Policy policy(Organisation org) {
        return new Guardrails.Policy(org.minConfidence(), org.maxWords(), org.maxFollowups24h(),
                org.maxFollowupsTotal());
    }

    /**
     * @param answering the lead messages this turn answers: all of them are shown, however many, even
     *                  one written before the newest messages (a webhook Meta delivered late)
     */
    public PipelineInput build(Tx tx, Organisation org, Conversation c, List<Message> answering, Instant now) {
        return build(tx, org, c, answering, messages.list(tx, org.id(), c.id(), LAST_MESSAGES),
                messages.unsummarised(tx, org.id(), c.id(), now, NEW_MESSAGES), now);
    }

    /**
     * What a past turn saw of the messages: the last few up to {@code answered}, the message it
     * answered (one turn may have answered several; those before it are among the few shown).
     *
     * @param asThen the conversation with its state as it was at the turn; the caller rebuilds it
     */
    public PipelineInput asAt(Tx tx, Organisation org, Conversation asThen, Message answered, Instant then) {
        List<Message> recent = new ArrayList<>(messages.before(tx, org.id(), asThen.id(), answered.id())
                .map(cursor -> messages.list(tx, org.id(), asThen.id(), LAST_MESSAGES - 1, cursor))
                .orElse(List.of()));
        recent.add(answered);
        return build(tx, org, asThen, List.of(answered), recent,
                messages.unsummarised(tx, org.id(), asThen.id(), then, NEW_MESSAGES), then);
    }

    /** @param unsummarised the messages the rolling summary has not taken in, besides those answered */
    private PipelineInput build(Tx tx, Organisation org, Conversation c, List<Message> answering,
                                List<Message> recent, List<Message> unsummarised, Instant now) {
        List<String> ctas = this.ctas.active(tx, org.id()).stream().map(Cta::promptLine).toList();
        return new PipelineInput(
                org.name(),
                org.businessProfile(),
                org.salesPlaybook(),
                org.tone(),
                ctas,
                c.rollingSummary(),
                withAnswered(answering, recent),
                ConversationStage.parse(c.stage()).orElse(ConversationStage.GREETING),
                IntentLevel.parse(c.intentLevel()).orElse(IntentLevel.UNKNOWN),
                Sentiment.parse(c.userSentiment()).orElse(Sentiment.NEUTRAL),
                now,
                c.lastUserMessageAt(),
                c.followupCount24h(),
                c.totalNudges(),
                org.maxWords(),
                timeZone(org),
                org.quietHoursStart(),
                org.quietHoursEnd(),
                c.lastBotMessageAt(),
                org.maxFollowups24h(),
                org.maxFollowupsTotal(),
                c.leadLanguage(),
                withAnswered(answering, unsummarised));
    }

    /**
     * The messages shown with every one the turn answers: whatever is not among them was written
     * before them (a webhook Meta delivered late), so it comes first.
     */
    private static List<TurnMessage> withAnswered(List<Message> answering, List<Message> shown) {
        Set<UUID> shownIds = shown.stream().map(Message::id).collect(Collectors.toSet());
        List<Message> all = new ArrayList<>(answering.stream().filter(m -> !shownIds.contains(m.id())).toList());
        all.addAll(shown);
        return all.stream()
                .map(m -> new TurnMessage(m.messageFrom(),
                        m.content() != null ? m.content() : "[" + m.messageType() + "]", m.createdAt()))
                .toList();
    }

    private static ZoneId timeZone(Organisation org) {
        try {
            return ZoneId.of(org.timeZone());
        } catch (DateTimeException e) {
            throw new PipelineException("the organisation's time zone '" + org.timeZone()
                    + "' is not a valid time zone id such as Asia/Kolkata", false, e);
        }
    }

}
