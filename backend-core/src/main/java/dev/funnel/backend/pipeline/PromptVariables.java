package dev.funnel.backend.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The prompt variables that come from the run's input. The orchestrator adds each step's output
 * ({@code analysis}, {@code decision}, {@code bot_reply}) as the run goes on.
 */
final class PromptVariables {

    private PromptVariables() {
    }

    static Map<String, String> of(PipelineInput input) {
        Map<String, String> values = new HashMap<>();
        values.put("business_name", input.businessName());
        values.put("business_profile", orElse(input.businessProfile(), "(no profile given)"));
        values.put("sales_playbook", orElse(input.salesPlaybook(), "(none: follow the general rules)"));
        values.put("tone", orElse(input.tone(), "friendly, concise and professional"));
        values.put("ctas", input.ctas().isEmpty() ? "(none configured)" : bullets(input.ctas()));
        values.put("rolling_summary", orElse(input.rollingSummary(), "(empty: this is a new conversation)"));
        values.put("last_messages", lastMessages(input.lastMessages()));
        values.put("stage", input.stage().id());
        values.put("intent_level", input.intentLevel().id());
        values.put("sentiment", input.sentiment().id());
        values.put("now", timestamp(input.now()));
        values.put("last_user_message_at",
                input.lastUserMessageAt() == null ? "never" : timestamp(input.lastUserMessageAt()));
        values.put("window_open", String.valueOf(input.windowOpen()));
        values.put("hours_since_last_user_message", input.sinceLastUserMessage().map(PromptVariables::hours)
                .orElse("n/a"));
        values.put("followup_count_24h", String.valueOf(input.followupCount24h()));
        values.put("total_nudges", String.valueOf(input.totalNudges()));
        values.put("max_words", String.valueOf(input.maxWords()));
        return values;
    }

    /** One line per message, so a lead's line breaks cannot pass for another speaker's turn. */
    static String lastMessages(List<TurnMessage> messages) {
        if (messages.isEmpty()) {
            return "(none)";
        }
        return messages.stream()
                .map(m -> "- " + m.from() + " at " + timestamp(m.at()) + ": " + oneLine(m.text()))
                .collect(Collectors.joining("\n"));
    }

    static String oneLine(String text) {
        return text.strip().replaceAll("\\s*\\R\\s*", " / ");
    }

    private static String bullets(List<String> lines) {
        return lines.stream().map(line -> "- " + oneLine(line)).collect(Collectors.joining("\n"));
    }

    private static String timestamp(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String hours(Duration duration) {
        return String.format(Locale.ROOT, "%.1f", duration.toMinutes() / 60.0);
    }

    private static String orElse(String value, String fallback) {
        return value.isBlank() ? fallback : value.strip();
    }
}
