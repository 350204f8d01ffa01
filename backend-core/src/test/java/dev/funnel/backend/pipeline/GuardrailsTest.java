package dev.funnel.backend.pipeline;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GuardrailsTest {

    private static final String LEAD_EN = "How much is the premium plan for a team of ten?";

    private static java.util.List<String> check(String text) {
        return Guardrails.violations(text, "en", "en", LEAD_EN, 20);
    }

    @Test
    void aShortPoliteReplyWithOneQuestionPasses() {
        assertThat(check("It is ₹4,999 a month for unlimited users. How many people would use it?")).isEmpty();
    }

    @Test
    void moreWordsThanTheLimitAreRefused() {
        assertThat(check("word ".repeat(21))).singleElement().asString().contains("21 words", "limit is 20");
    }

    @Test
    void moreThanOneQuestionIsRefusedInAnyScript() {
        assertThat(check("Is it for you? Or your team?")).singleElement().asString().contains("2 questions");
        assertThat(Guardrails.violations("¿Para ti? ¿O tu equipo?", "es", "es", null, 20))
                .anySatisfy(v -> assertThat(v).contains("questions"));
    }

    @Test
    void claimingToBeHumanIsRefused() {
        assertThat(check("Yes, I am a real person here to help.")).anySatisfy(v -> assertThat(v).contains("person"));
        assertThat(check("Don't worry, I'm not a bot.")).anySatisfy(v -> assertThat(v).contains("person"));
        assertThat(check("I'm Funnel's assistant for Acme.")).isEmpty();
    }

    @Test
    void guaranteesAreRefused() {
        assertThat(check("We guarantee you will double your sales.")).anySatisfy(v -> assertThat(v).contains("guarantee"));
        assertThat(check("It is 100% risk-free.")).anySatisfy(v -> assertThat(v).contains("guarantee"));
    }

    @Test
    void aReplyInAnotherLanguageThanTheLeadsIsRefused() {
        assertThat(Guardrails.violations("The plan costs ₹4,999 a month.", "en", "es", null, 80))
                .singleElement().asString().contains("'en'", "'es'");
        // romanised Hindi is Hindi: the region or script part of the tag does not matter
        assertThat(Guardrails.violations("Plan ₹4,999 mahine ka hai.", "hi-Latn", "hi", null, 80)).isEmpty();
    }

    @Test
    void whenNoLanguageIsNamedTheScriptsMustMatch() {
        assertThat(Guardrails.violations("The plan costs 4,999 a month.", "und", "und",
                "Сколько стоит премиум тариф?", 80))
                .singleElement().asString().contains("Latin", "Cyrillic");
        assertThat(Guardrails.violations("Премиум стоит 4 999 в месяц.", "und", "und",
                "Сколько стоит премиум тариф?", 80)).isEmpty();
        // too few letters to tell: an emoji or "ok" says nothing about the language
        assertThat(Guardrails.violations("The plan costs 4,999 a month.", "und", "und", "👍 ok", 80)).isEmpty();
    }

    @Test
    void followupCapsCountTheDayAndTheWholeConversation() {
        Guardrails.Policy policy = new Guardrails.Policy(0.5, 80, 2, 3);
        assertThat(Guardrails.followupCapReached(1, 2, policy)).isEmpty();
        assertThat(Guardrails.followupCapReached(2, 2, policy)).hasValueSatisfying(r -> assertThat(r).contains("24 hours"));
        assertThat(Guardrails.followupCapReached(0, 3, policy)).hasValueSatisfying(r -> assertThat(r).contains("in total"));
    }
}
