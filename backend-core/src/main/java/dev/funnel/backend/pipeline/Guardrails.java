package dev.funnel.backend.pipeline;

import java.lang.Character.UnicodeScript;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules the bot keeps whatever the model answers. The prompts ask for the same things, but only
 * this code decides: a decision that breaks a rule is changed, and a message that breaks one is
 * written again once and otherwise never sent.
 */
public final class Guardrails {

    /** An organisation's limits. */
    public record Policy(double minConfidence, int maxWords, int maxFollowups24h, int maxFollowupsTotal) {

        public static final double DEFAULT_MIN_CONFIDENCE = 0.5;

        public Policy {
            if (minConfidence < 0 || minConfidence > 1) {
                throw new IllegalArgumentException("minConfidence must be within 0..1, was " + minConfidence);
            }
            if (maxWords <= 0 || maxFollowups24h < 0 || maxFollowupsTotal < 0) {
                throw new IllegalArgumentException("limits must be positive");
            }
        }
    }

    /** A rule that changed what the model chose; recorded in the turn's trace. */
    public record Intervention(String rule, String detail) {
    }

    // Claims a person would make; the bot may say it is an assistant, never that it is not one.
    private static final Pattern CLAIMS_HUMAN = Pattern.compile(
            "\\b(i\\s*(am|'m)\\s+(a\\s+|an\\s+)?(real\\s+|actual\\s+)?(human|person|man|woman)\\b"
                    + "|i\\s*(am|'m)\\s+not\\s+(a\\s+|an\\s+)?(bot|robot|ai|machine|assistant|chatbot)\\b"
                    + "|(a\\s+)?real\\s+person\\s+here\\b"
                    + "|not\\s+an?\\s+(bot|robot|ai|chatbot)\\b)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern GUARANTEE = Pattern.compile(
            "\\b(guarantee[sd]?|guaranteeing|100\\s*%|risk[-\\s]free|promise\\s+you|assured\\s+results?"
                    + "|no\\s+risk\\s+at\\s+all|will\\s+definitely)\\b",
            Pattern.CASE_INSENSITIVE);

    private Guardrails() {
    }

    /** The decision as the rules allow it; each change is added to {@code interventions}. */
    static Decision review(PipelineInput input, Analysis analysis, Decision decision, Policy policy,
                           List<Intervention> interventions) {
        if (decision.action() == DecisionAction.HANDOFF_HUMAN) {
            return decision;
        }
        if (analysis.confidence() < policy.minConfidence()) {
            return handOff(decision, "low_confidence", String.format(Locale.ROOT,
                    "the analysis was only %.2f sure (the organisation asks for %.2f)", analysis.confidence(),
                    policy.minConfidence()), interventions);
        }
        if (analysis.riskFlags().policy() == RiskLevel.HIGH) {
            return handOff(decision, "policy_risk", "the analysis rated the policy risk high", interventions);
        }
        if (decision.action() == DecisionAction.SEND_NOW && !input.windowOpen()) {
            interventions.add(new Intervention("window_closed",
                    "the lead last wrote over 24 hours ago: WhatsApp allows only an approved template now"));
            return new Decision(DecisionAction.WAIT_SCHEDULE, decision.why(), decision.nextStage(),
                    decision.recommendedCta(), decision.followupInMinutes(), true);
        }
        return decision;
    }

    /** A follow-up may be scheduled only while the organisation's caps leave room for one. */
    public static Optional<String> followupCapReached(int sentLast24h, int sentTotal, Policy policy) {
        if (sentTotal >= policy.maxFollowupsTotal()) {
            return Optional.of("all " + policy.maxFollowupsTotal() + " follow-ups allowed in total were sent");
        }
        if (sentLast24h >= policy.maxFollowups24h()) {
            return Optional.of(policy.maxFollowups24h() + " follow-ups were already sent in the last 24 hours");
        }
        return Optional.empty();
    }

    /** What is wrong with a text the bot wants to send; empty when it may go out. */
    public static List<String> violations(String text, String declaredLanguage, String leadLanguage,
                                          String leadLastText, int maxWords) {
        List<String> found = new ArrayList<>();
        int words = wordCount(text);
        if (words > maxWords) {
            found.add("it has " + words + " words; the limit is " + maxWords);
        }
        // '¿' opens the same question a '?' closes, so only closing marks are counted
        long questions = text.codePoints().filter(c -> c == '?' || c == '？' || c == '؟').count();
        if (questions > 1) {
            found.add("it asks " + questions + " questions; ask at most one");
        }
        if (CLAIMS_HUMAN.matcher(text).find()) {
            found.add("it claims to be a person; the bot must never say it is human");
        }
        if (GUARANTEE.matcher(text).find()) {
            found.add("it promises or guarantees an outcome; never guarantee results");
        }
        if (known(declaredLanguage) && known(leadLanguage) && !sameLanguage(declaredLanguage, leadLanguage)) {
            found.add("it is written in '" + declaredLanguage + "' but the lead writes '" + leadLanguage + "'");
        } else if (leadLastText != null) {
            UnicodeScript leadScript = mainScript(leadLastText);
            UnicodeScript replyScript = mainScript(text);
            if (leadScript != null && replyScript != null && leadScript != replyScript) {
                found.add("it is written in " + name(replyScript) + " script but the lead writes in "
                        + name(leadScript) + " script");
            }
        }
        return found;
    }

    static int wordCount(String text) {
        String stripped = text.strip();
        return stripped.isEmpty() ? 0 : stripped.split("\\s+").length;
    }

    private static Decision handOff(Decision decision, String rule, String detail, List<Intervention> interventions) {
        interventions.add(new Intervention(rule, detail));
        return new Decision(DecisionAction.HANDOFF_HUMAN, "Guardrail " + rule + ": " + detail, decision.nextStage(),
                null, 0, decision.templateRequired());
    }

    private static boolean known(String language) {
        return language != null && !language.isBlank() && !language.equalsIgnoreCase("und");
    }

    /** "hi" and "hi-Latn" are one language (romanised Hindi is still Hindi); "en" and "en-IN" too. */
    public static boolean sameLanguage(String a, String b) {
        return primary(a).equals(primary(b));
    }

    private static String primary(String language) {
        String tag = language.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        int dash = tag.indexOf('-');
        return dash < 0 ? tag : tag.substring(0, dash);
    }

    /** The script most letters of the text are written in; null when it has too few letters to tell. */
    static UnicodeScript mainScript(String text) {
        Map<UnicodeScript, Integer> letters = new EnumMap<>(UnicodeScript.class);
        text.codePoints().filter(Character::isLetter)
                .forEach(c -> letters.merge(UnicodeScript.of(c), 1, Integer::sum));
        int total = letters.values().stream().mapToInt(Integer::intValue).sum();
        if (total < 8) {
            return null;
        }
        return letters.entrySet().stream()
                .filter(e -> e.getValue() * 2 > total)
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(null);
    }

    private static String name(UnicodeScript script) {
        String name = script.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
