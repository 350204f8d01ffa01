package dev.funnel.backend.scenarios;

import dev.funnel.backend.pipeline.ConversationStage;
import dev.funnel.backend.pipeline.DecisionAction;
import dev.funnel.backend.pipeline.Guardrails;
import dev.funnel.backend.pipeline.IntentLevel;
import dev.funnel.backend.pipeline.PipelineInput;
import dev.funnel.backend.pipeline.PipelineResult;
import dev.funnel.backend.pipeline.Sentiment;
import dev.funnel.backend.pipeline.TurnMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One situation the sales assistant must handle, as data: the conversation so far, the state it left,
 * and what a good turn decides. The scenario runner plays it against a real model; the end-to-end
 * tests play it through the whole backend against scripted answers.
 *
 * @param conversation     the messages the model sees, oldest first (at most the three the worker shows);
 *                         the last one is the lead's message this turn answers
 * @param rollingSummary   the conversation's memory before this turn, which the history's turns left;
 *                         blank for a new conversation
 * @param stage            the stage (like intent and sentiment) the history's turns left
 * @param leadWroteAgo     how long before the turn the lead sent that last message (over 24 hours: the
 *                         WhatsApp window is closed)
 * @param expectedLanguage the language a reply must be written in ("es", "hi"); null when the lead's
 *                         language is English or no reply is expected
 */
public record Scenario(String id, String title, List<Line> conversation, String rollingSummary,
                       ConversationStage stage, IntentLevel intentLevel, Sentiment sentiment, Duration leadWroteAgo,
                       DecisionAction expectedAction, String expectedLanguage) {

    /** One message: {@code from} is {@code lead} or {@code bot}. */
    public record Line(String from, String text) {

        static Line lead(String text) {
            return new Line("lead", text);
        }

        static Line bot(String text) {
            return new Line("bot", text);
        }
    }

    /** Earlier messages are this far apart. */
    private static final Duration BETWEEN_MESSAGES = Duration.ofMinutes(2);

    public Scenario {
        conversation = List.copyOf(conversation);
        if (conversation.isEmpty() || !conversation.getLast().from().equals("lead")) {
            throw new IllegalArgumentException(id + ": the conversation must end with the lead's message");
        }
        for (int i = 0; i < conversation.size() - 1; i++) {
            if (!conversation.get(i).from().equals(i % 2 == 0 ? "lead" : "bot")) {
                throw new IllegalArgumentException(id + ": the history must be the lead's messages, each answered by"
                        + " the bot");
            }
        }
        boolean fresh = stage == ConversationStage.GREETING && intentLevel == IntentLevel.UNKNOWN
                && sentiment == Sentiment.NEUTRAL && rollingSummary.isBlank();
        if (conversation.size() == 1 && !fresh) {
            // the end-to-end tests reach a state by playing the history; a state without one is unreachable
            throw new IllegalArgumentException(id + ": a conversation without history starts as a new one"
                    + " (greeting, unknown intent, neutral, no summary)");
        }
        Objects.requireNonNull(expectedAction, "expectedAction");
    }

    /** The lead's message this turn answers. */
    public String leadMessage() {
        return conversation.getLast().text();
    }

    /** The messages before the lead's last one, oldest first. */
    public List<Line> history() {
        return conversation.subList(0, conversation.size() - 1);
    }

    /** Whether the run decided what the scenario expects, in the expected language when a reply was written. */
    public boolean isMetBy(PipelineResult result) {
        if (result.decision().action() != expectedAction) {
            return false;
        }
        return expectedLanguage == null || result.message()
                .map(m -> Guardrails.sameLanguage(m.messageLanguage(), expectedLanguage)).orElse(true);
    }

    /** What the scenario expects, as the scorecard shows it: {@code SEND_NOW}, {@code SEND_NOW in es}. */
    public String expected() {
        return expectedLanguage == null ? expectedAction.id() : expectedAction.id() + " in " + expectedLanguage;
    }

    /** The pipeline's input at {@code now}, for the demo business. */
    public PipelineInput input(Instant now) {
        Instant leadWroteAt = now.minus(leadWroteAgo);
        List<TurnMessage> messages = new ArrayList<>();
        Instant lastBotAt = null;
        for (int i = 0; i < conversation.size(); i++) {
            Line line = conversation.get(i);
            Instant at = leadWroteAt.minus(BETWEEN_MESSAGES.multipliedBy(conversation.size() - 1L - i));
            messages.add(new TurnMessage(line.from(), line.text(), at));
            if (line.from().equals("bot")) {
                lastBotAt = at;
            }
        }
        DemoBusiness business = DemoBusiness.INSTANCE;
        return new PipelineInput(business.name(), business.profile(), business.playbook(), business.tone(),
                business.ctas(), rollingSummary, messages, stage, intentLevel, sentiment, now, leadWroteAt, 0, 0,
                business.policy().maxWords(), business.timeZone(), business.quietHoursStart(),
                business.quietHoursEnd(), lastBotAt, business.policy().maxFollowups24h(),
                business.policy().maxFollowupsTotal(), null, null);
    }
}
