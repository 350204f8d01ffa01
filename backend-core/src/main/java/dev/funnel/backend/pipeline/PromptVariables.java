package dev.funnel.backend.pipeline;

import dev.funnel.backend.knowledge.KnowledgeHit;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The {@code {{variables}}} a prompt may use: the ones filled from the run's input, and the
 * earlier steps' answers the orchestrator adds as the run goes on. An organisation's prompt may use
 * exactly these; anything else is refused when it is saved. What an organisation has not set is
 * empty, so a prompt can leave out its line with an optional part (see {@link PromptTemplate}).
 */
public final class PromptVariables {

    /** A variable a prompt may use, and what it holds. */
    public record Variable(String name, String description) {
    }

    private static final List<Variable> FROM_INPUT = List.of(
            new Variable("business_name", "The organisation's name."),
            new Variable("business_profile", "What the business offers, from the organisation's profile; empty when"
                    + " not set."),
            new Variable("sales_playbook", "The organisation's own sales playbook. It outranks the prompt's general rules;"
                    + " empty when not set."),
            new Variable("tone", "The tone the organisation wants, e.g. 'friendly, casual-professional'."),
            new Variable("ctas", "The organisation's active calls to action on one line, 'name (type): description',"
                    + " separated by '; '; empty when there are none."),
            new Variable("rolling_summary", "The conversation's memory so far; empty for a new conversation."),
            new Variable("last_messages", "The last messages (at least three, and every one this turn answers), oldest"
                    + " first, one 'sender: text' line each; a message of an earlier day than today (UTC) adds its"
                    + " date and time, 'sender 2026-01-20 13:30: text'. The current time is in now and local_time."),
            new Variable("stage", "The conversation's stage: greeting, qualification, pricing, cta, closed, lost or ghosted."),
            new Variable("intent_level", "The lead's intent: unknown, low, medium, high or very_high."),
            new Variable("sentiment", "The lead's sentiment, e.g. neutral, curious, hesitant, annoyed."),
            new Variable("now", "The current time, UTC, ISO-8601 to the minute, e.g. 2026-01-22T13:30Z."),
            new Variable("local_time", "The current time in the organisation's time zone: weekday, time and zone,"
                    + " e.g. Thu 19:00 Asia/Kolkata."),
            new Variable("quiet_hours", "When the organisation sends nothing, in its local time, e.g. '22:00-08:00 local';"
                    + " empty when not set."),
            new Variable("last_user_message_at", "When the lead last wrote, UTC, to the minute; 'never' when they did not."),
            new Variable("hours_since_last_user_message", "Hours since the lead last wrote, one decimal; 'n/a' when never."),
            new Variable("last_bot_message_at", "When the bot last wrote, UTC, to the minute; 'never' when it did not."),
            new Variable("window_open", "Whether WhatsApp's 24-hour window is open (true/false): outside it only a"
                    + " template may be sent."),
            new Variable("followup_count_24h", "Follow-ups sent in this conversation in the last 24 hours."),
            new Variable("total_nudges", "Follow-ups sent in this conversation in total."),
            new Variable("max_followups_24h", "The most follow-ups the organisation allows in 24 hours."),
            new Variable("max_followups_total", "The most follow-ups the organisation allows in one conversation."),
            new Variable("language", "The language the lead writes in, as the analysis last named it (e.g. en,"
                    + " hi-Latn); when none was named yet, a line asking to mirror the lead's last message."),
            new Variable("max_words", "The most words a message may have."),
            new Variable("new_messages", "The messages the rolling summary has not taken in yet (written since it was"
                    + " last updated, and every one this turn answers), formatted as last_messages."));

    static final Variable ANALYSIS = new Variable("analysis", "The analyze step's answer, as JSON without its empty,"
            + " null, false and 0 fields.");
    static final Variable ANALYSIS_FOR_DECISION = new Variable("analysis_for_decision", "What the decision needs of"
            + " the analyze step's answer: the situation, the recommended stage, the risks above low, what to look up"
            + " and the confidence, as JSON without its empty fields.");
    static final Variable ANALYSIS_FOR_REPLY = new Variable("analysis_for_reply", "What the reply needs of the"
            + " analyze step's answer: the lead's goal, missing information, objections, what to look up and the lead's"
            + " language, as JSON without its empty fields.");
    static final Variable DECISION = new Variable("decision", "The decide step's answer, as JSON without its empty,"
            + " null, false and 0 fields.");
    static final Variable DECISION_FOR_REPLY = new Variable("decision_for_reply", "What the reply needs of the"
            + " decide step's answer: why, the next stage, the recommended CTA and whether only a template may be sent,"
            + " as JSON without its empty fields (a reply is written only to send now, so the action is left out).");
    static final Variable BOT_REPLY = new Variable("bot_reply",
            "The message sent now, quoted, with the CTA it leads to if any; or a line saying no reply is sent now, the"
                    + " decision and the next stage.");

    static final Variable KNOWLEDGE = new Variable("knowledge", "Snippets of the organisation's knowledge base found"
            + " for what the lead asked, one '[n] document (p. N): text' line each, best first; empty when the analysis"
            + " needed none or nothing close enough was found.");

    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("EEE HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter DAY_AND_MINUTE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private PromptVariables() {
    }

    /** The variables a step's prompt may use: the input's, plus the answers of the steps before it. */
    public static List<Variable> allowedFor(PipelineStep step) {
        List<Variable> earlierAnswers = switch (step) {
            case ANALYZE, FOLLOWUP -> List.of();
            case DECIDE -> List.of(ANALYSIS, ANALYSIS_FOR_DECISION);
            case GENERATE -> List.of(ANALYSIS, ANALYSIS_FOR_DECISION, ANALYSIS_FOR_REPLY, DECISION, DECISION_FOR_REPLY,
                    KNOWLEDGE);
            case SUMMARIZE -> List.of(ANALYSIS, ANALYSIS_FOR_DECISION, ANALYSIS_FOR_REPLY, DECISION, DECISION_FOR_REPLY,
                    BOT_REPLY);
        };
        return Stream.concat(FROM_INPUT.stream(), earlierAnswers.stream()).toList();
    }

    static Map<String, String> of(PipelineInput input) {
        Map<String, String> values = new HashMap<>();
        values.put("business_name", input.businessName());
        values.put("business_profile", input.businessProfile().strip());
        values.put("sales_playbook", input.salesPlaybook().strip());
        values.put("tone", orElse(input.tone(), "friendly, concise and professional"));
        values.put("ctas", input.ctas().stream().map(PromptVariables::oneLine).collect(Collectors.joining("; ")));
        values.put("rolling_summary", input.rollingSummary().strip());
        values.put("last_messages", lastMessages(input.lastMessages(), input.now()));
        values.put("stage", input.stage().id());
        values.put("intent_level", input.intentLevel().id());
        values.put("sentiment", input.sentiment().id());
        values.put("now", timestamp(input.now()));
        values.put("local_time", LOCAL_TIME.format(ZonedDateTime.ofInstant(input.now(), input.timeZone()))
                + " " + input.timeZone().getId());
        values.put("quiet_hours", input.quietHoursStart() == null || input.quietHoursEnd() == null ? ""
                : input.quietHoursStart() + "-" + input.quietHoursEnd() + " local");
        values.put("last_user_message_at", timestampOrNever(input.lastUserMessageAt()));
        values.put("hours_since_last_user_message", input.sinceLastUserMessage().map(PromptVariables::hours)
                .orElse("n/a"));
        values.put("last_bot_message_at", timestampOrNever(input.lastBotMessageAt()));
        values.put("window_open", String.valueOf(input.windowOpen()));
        values.put("followup_count_24h", String.valueOf(input.followupCount24h()));
        values.put("total_nudges", String.valueOf(input.totalNudges()));
        values.put("max_followups_24h", String.valueOf(input.maxFollowups24h()));
        values.put("max_followups_total", String.valueOf(input.maxFollowupsTotal()));
        values.put("language", Fields.undetermined(input.leadLanguage())
                ? "(not known yet: write in the language and script of the lead's last message)"
                : input.leadLanguage());
        values.put("max_words", String.valueOf(input.maxWords()));
        values.put("new_messages", lastMessages(input.newMessages(), input.now()));
        return values;
    }

    /**
     * One line per message, so a lead's line breaks cannot pass for another speaker's turn: the sender
     * and the text, with the date and time (UTC) only for a message of an earlier day than {@code now}'s.
     * Today's lines carry no time: the steps whose rules use time (decide, follow-up) are given the
     * current time, the time since the lead last wrote and the window once, and a same-day time on
     * every line cost 4 tokens a line.
     */
    static String lastMessages(List<TurnMessage> messages, Instant now) {
        if (messages.isEmpty()) {
            return "(none)";
        }
        LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
        return messages.stream()
                .map(m -> m.from() + earlierDay(m.at(), today) + ": " + oneLine(m.text()))
                .collect(Collectors.joining("\n"));
    }

    private static String earlierDay(Instant at, LocalDate today) {
        ZonedDateTime time = at.atZone(ZoneOffset.UTC);
        return time.toLocalDate().equals(today) ? "" : " " + DAY_AND_MINUTE.format(time);
    }

    /**
     * The reply sent now, quoted on one line, with the CTA it leads to. Its stage, intent and
     * sentiment go into the conversation's state, which every step is shown, not into the memory.
     */
    static String botReply(GeneratedMessage message) {
        String quoted = "\"" + oneLine(message.messageText()) + "\"";
        return message.ctaType() == null ? quoted : quoted + " (CTA " + oneLine(message.ctaType()) + ")";
    }

    /** A step's answer as a later step's prompt shows it: JSON without its default fields. */
    static String answer(StepOutput output) {
        return StepJson.writeCompact(output);
    }

    /**
     * The analyze step's answer as later steps' prompts show it: whole, and as the decision and the
     * reply need it (a step shown only what it uses reads less).
     */
    static void putAnalysis(Map<String, String> variables, Analysis analysis) {
        variables.put(ANALYSIS.name(), answer(analysis));
        variables.put(ANALYSIS_FOR_DECISION.name(), StepJson.writeCompact(new ForDecision(analysis.situationSummary(),
                analysis.stageRecommendation(), aboveLow(analysis.riskFlags()), analysis.needKb(),
                analysis.confidence())));
        variables.put(ANALYSIS_FOR_REPLY.name(), StepJson.writeCompact(new ForReply(analysis.leadGoalGuess(),
                analysis.missingInfo(), analysis.detectedObjections(), analysis.needKb(),
                Fields.undetermined(analysis.leadLanguage()) ? null : analysis.leadLanguage())));
    }

    /** The risks a decision's rules act on: those above low (a rule is about a high risk, never a low one). */
    private static Map<String, RiskLevel> aboveLow(Analysis.RiskFlags flags) {
        Map<String, RiskLevel> risks = new LinkedHashMap<>();
        putAboveLow(risks, "spam_risk", flags.spam());
        putAboveLow(risks, "policy_risk", flags.policy());
        putAboveLow(risks, "hallucination_risk", flags.hallucination());
        return risks;
    }

    private static void putAboveLow(Map<String, RiskLevel> risks, String name, RiskLevel level) {
        if (level != RiskLevel.LOW) {
            risks.put(name, level);
        }
    }

    /**
     * The decide step's answer as later steps' prompts show it: whole, and as the reply needs it (written
     * only when the action is to send now, so without the action and its follow-up time).
     */
    static void putDecision(Map<String, String> variables, Decision decision) {
        variables.put(DECISION.name(), answer(decision));
        variables.put(DECISION_FOR_REPLY.name(), StepJson.writeCompact(new DecisionForReply(decision.why(),
                decision.nextStage(), decision.recommendedCta(), decision.templateRequired())));
    }

    private record ForDecision(String situationSummary, ConversationStage stageRecommendation,
                               Map<String, RiskLevel> riskFlags, Analysis.NeedKb needKb, double confidence) {
    }

    private record ForReply(String leadGoalGuess, List<String> missingInfo, List<String> detectedObjections,
                            Analysis.NeedKb needKb, String leadLanguage) {
    }

    private record DecisionForReply(String why, ConversationStage nextStage, String recommendedCta,
                                    boolean templateRequired) {
    }

    /** The snippets as the generate prompt shows them, numbered, each on a line of its own; empty for none. */
    static String knowledge(List<KnowledgeHit> hits) {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < hits.size(); i++) {
            KnowledgeHit hit = hits.get(i);
            lines.append("\n[").append(i + 1).append("] ")
                    .append(oneLine(hit.documentName()))
                    .append(hit.page() == null ? "" : " (p. " + hit.page() + ")").append(": ").append(oneLine(hit.text()));
        }
        return lines.toString();
    }

    /** What the summary is told when no reply goes out this turn. */
    static String noReply(Decision decision) {
        return "(none: decision " + decision.action().id() + ", next stage " + decision.nextStage().id() + ")";
    }

    static String oneLine(String text) {
        return text.strip().replaceAll("\\s*\\R\\s*", " / ");
    }

    /** ISO-8601 to the minute, UTC: 2026-01-22T13:30Z. */
    private static String timestamp(Instant instant) {
        return DateTimeFormatter.ISO_LOCAL_DATE.format(instant.atZone(ZoneOffset.UTC)) + "T"
                + MINUTE.format(instant.atZone(ZoneOffset.UTC)) + "Z";
    }

    private static String timestampOrNever(Instant instant) {
        return instant == null ? "never" : timestamp(instant);
    }

    private static String hours(Duration duration) {
        return String.format(Locale.ROOT, "%.1f", duration.toMinutes() / 60.0);
    }

    private static String orElse(String value, String fallback) {
        return value.isBlank() ? fallback : value.strip();
    }
}
