package dev.funnel.backend.scenarios;

import dev.funnel.backend.pipeline.Guardrails;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/**
 * The business the scenarios sell for: a rooftop solar installer with a profile, a playbook and the
 * data model's default limits, so a real model has the facts a good answer needs.
 */
public record DemoBusiness(String name, String profile, String playbook, String tone, List<String> ctas,
                           ZoneId timeZone, LocalTime quietHoursStart, LocalTime quietHoursEnd,
                           Guardrails.Policy policy) {

    public static final DemoBusiness INSTANCE = new DemoBusiness(
            "Sunrise Solar",
            "Sunrise Solar installs rooftop solar systems for homes in Pune. A 3 kW system costs ₹1,85,000 and a"
                    + " 5 kW system ₹2,90,000, installed, before the government subsidy (up to ₹78,000). Payment in"
                    + " 12 monthly instalments through a partner bank. Installation takes 2 to 3 weeks after a free"
                    + " site survey. 5-year workmanship warranty; panels carry the maker's 25-year warranty.",
            "Qualify first: roof type and monthly electricity bill. Offer the free site survey before discussing"
                    + " discounts. Never promise savings figures; give the typical range and say the survey"
                    + " confirms it.",
            "friendly, casual-professional",
            List.of("site_survey (booking): Book a free site survey", "call_back (call): A consultant calls back"),
            ZoneId.of("Asia/Kolkata"), LocalTime.of(21, 0), LocalTime.of(9, 0),
            new Guardrails.Policy(Guardrails.Policy.DEFAULT_MIN_CONFIDENCE, 80, 3, 6));
}
