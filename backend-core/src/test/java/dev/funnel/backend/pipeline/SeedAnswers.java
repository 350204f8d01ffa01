package dev.funnel.backend.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/** The seed document's example answers and a typical input: a new lead asking for the price. */
final class SeedAnswers {

    static final String ANALYSIS = """
            {
              "situation_summary": "Lead asked about pricing for premium plan",
              "lead_goal_guess": "Evaluate if pricing fits budget",
              "missing_info": ["budget", "timeline"],
              "detected_objections": ["price_concern"],
              "stage_recommendation": "pricing",
              "risk_flags": {"spam_risk": "low", "policy_risk": "low", "hallucination_risk": "low"},
              "need_kb": {"required": true, "query": "premium plan pricing"},
              "confidence": 0.85
            }""";

    static final String SEND_NOW = """
            {
              "action": "SEND_NOW",
              "why": "Direct pricing question with high intent",
              "next_stage": "pricing",
              "recommended_cta": null,
              "followup_in_minutes": 0,
              "template_required": false
            }""";

    static final String WAIT_SCHEDULE = """
            {"action": "WAIT_SCHEDULE", "why": "Lead asked for time to think", "next_stage": "pricing",
             "recommended_cta": null, "followup_in_minutes": 180, "template_required": false}""";

    static final String HANDOFF_HUMAN = """
            {"action": "HANDOFF_HUMAN", "why": "Lead wants a custom contract", "next_stage": "cta",
             "recommended_cta": null, "followup_in_minutes": 0, "template_required": false}""";

    static final String MESSAGE = """
            {
              "message_text": "Great question! Our premium plan is ₹4,999/month and includes unlimited users. What's your current team size?",
              "message_language": "en",
              "cta_type": null,
              "next_stage": "pricing",
              "state_patch": {"intent_level": "high", "user_sentiment": "curious"},
              "self_check": {"guardrails_pass": true, "violations": []}
            }""";

    static final String SUMMARY = """
            {"updated_rolling_summary": "Lead (unknown name) inquired about pricing. Bot shared premium plan price (₹4,999/month) and asked about team size. Lead seems interested. Stage: pricing. Intent: high. No objections yet."}""";

    static final String PLAYBOOK = "Always offer the free 14-day trial before quoting the annual price.";
    static final String LEAD_QUESTION = "What's your pricing for the premium plan?";

    private SeedAnswers() {
    }

    /** The data model's defaults: confidence 0.5, 80 words, 3 follow-ups a day, 6 in all. */
    static final Guardrails.Policy POLICY = new Guardrails.Policy(0.5, 80, 3, 6);

    static PipelineInput input() {
        Instant now = Instant.parse("2026-01-22T13:30:00Z");
        return input(now, now.minus(Duration.ofSeconds(30)));
    }

    /** The same lead and question, with the lead's last message at {@code leadWroteAt}. */
    static PipelineInput input(Instant now, Instant leadWroteAt) {
        return new PipelineInput("Acme Corp", "Acme sells team chat software. Premium: ₹4,999/month.", PLAYBOOK,
                "casual-professional", List.of("book_demo: Book a 20-minute demo call"), "",
                List.of(new TurnMessage("lead", LEAD_QUESTION, now.minusSeconds(30))),
                ConversationStage.GREETING, IntentLevel.UNKNOWN, Sentiment.NEUTRAL, now,
                leadWroteAt, 0, 0, 80, ZoneId.of("Asia/Kolkata"), LocalTime.of(22, 0),
                LocalTime.of(8, 0), null, 3, 6, null, null);
    }
}
