package dev.funnel.backend.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the prompts need for one run, gathered by the caller from the conversation and the
 * organisation. Free texts may be blank; the prompts then say so instead of showing nothing.
 *
 * @param ctas              the organisation's calls to action, one display line each
 * @param lastMessages      the recent messages, oldest first (usually the last three)
 * @param lastUserMessageAt when the lead last wrote; null when they never did
 * @param maxWords          the most words a generated message may have
 * @param timeZone          the organisation's time zone, for local time and quiet hours
 * @param quietHoursStart   when the organisation's quiet hours start (local time); null when not set
 * @param quietHoursEnd     when they end; null when not set (quiet hours need both ends)
 * @param lastBotMessageAt  when the bot last wrote; null when it never did
 * @param maxFollowups24h   the most follow-ups the organisation allows in 24 hours
 * @param maxFollowupsTotal the most follow-ups it allows in a conversation
 * @param newMessages       the messages the rolling summary has not taken in yet, oldest first; null when
 *                          the caller does not know, which counts the last messages as new
 */
public record PipelineInput(String businessName, String businessProfile, String salesPlaybook, String tone,
                            List<String> ctas, String rollingSummary, List<TurnMessage> lastMessages,
                            ConversationStage stage, IntentLevel intentLevel, Sentiment sentiment,
                            Instant now, Instant lastUserMessageAt, int followupCount24h, int totalNudges,
                            int maxWords, ZoneId timeZone, LocalTime quietHoursStart, LocalTime quietHoursEnd,
                            Instant lastBotMessageAt, int maxFollowups24h, int maxFollowupsTotal,
                            String leadLanguage, List<TurnMessage> newMessages) {

    /** WhatsApp lets a business send free-form messages only this long after the lead last wrote. */
    public static final Duration WHATSAPP_WINDOW = Duration.ofHours(24);

    public PipelineInput {
        Objects.requireNonNull(businessName, "businessName");
        businessProfile = Objects.requireNonNullElse(businessProfile, "");
        salesPlaybook = Objects.requireNonNullElse(salesPlaybook, "");
        tone = Objects.requireNonNullElse(tone, "");
        ctas = ctas == null ? List.of() : List.copyOf(ctas);
        rollingSummary = Objects.requireNonNullElse(rollingSummary, "");
        lastMessages = lastMessages == null ? List.of() : List.copyOf(lastMessages);
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(intentLevel, "intentLevel");
        Objects.requireNonNull(sentiment, "sentiment");
        Objects.requireNonNull(now, "now");
        if (maxWords <= 0) {
            throw new IllegalArgumentException("maxWords must be positive, was " + maxWords);
        }
        if (followupCount24h < 0 || totalNudges < 0 || maxFollowups24h < 0 || maxFollowupsTotal < 0) {
            throw new IllegalArgumentException("follow-up counts and caps cannot be negative");
        }
        Objects.requireNonNull(timeZone, "timeZone");
        leadLanguage = Fields.language(leadLanguage);
        newMessages = newMessages == null ? lastMessages : List.copyOf(newMessages);
    }

    /** Time since the lead last wrote; empty when they never did. Never negative (clock skew). */
    public Optional<Duration> sinceLastUserMessage() {
        if (lastUserMessageAt == null) {
            return Optional.empty();
        }
        Duration since = Duration.between(lastUserMessageAt, now);
        return Optional.of(since.isNegative() ? Duration.ZERO : since);
    }

    /** Whether the 24-hour customer service window is open, i.e. a free-form message may be sent. */
    public boolean windowOpen() {
        return windowOpen(lastUserMessageAt, now);
    }

    /** Only a message from the lead opens the window, for 24 hours from when it was written. */
    public static boolean windowOpen(Instant lastUserMessageAt, Instant now) {
        return lastUserMessageAt != null && Duration.between(lastUserMessageAt, now).compareTo(WHATSAPP_WINDOW) < 0;
    }
}
