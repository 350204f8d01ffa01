package dev.funnel.backend.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.funnel.backend.conversations.ConversationEvents;
import dev.funnel.backend.pipeline.PipelineStep;
import dev.funnel.backend.testing.EventsClient;
import dev.funnel.backend.testing.LlmScripts;
import dev.funnel.backend.testing.SoloStack;
import dev.funnel.backend.testing.Waits;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A decision that recommends one of the organisation's CTAs moves the conversation and tells the consoles. */
class CtaTurnTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static SoloStack stack;

    @BeforeAll
    static void start(@TempDir Path dataDir) {
        stack = SoloStack.start(dataDir, "Sunny Roofs", "cta-secret", "5556667778889", Map.of("FUNNEL_DEBOUNCE_MS", "0"));
        UUID org = UUID.fromString(stack.text("SELECT id FROM organisations"));
        stack.backend().db().inTransactionRun(tx -> tx.update("""
                INSERT INTO ctas (id, organisation_id, name, cta_type, description, created_at, updated_at)
                VALUES (?, ?, 'book_survey', 'booking', 'Book a free roof survey', ?, ?)""",
                UUID.randomUUID(), org, Instant.now(), Instant.now()));
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    private static void decide(String cta) {
        LlmScripts.sendNow(stack.llm(), "Happy to help. Shall I book you a free roof survey?");
        stack.llm().script(PipelineStep.DECIDE, """
                {"action":"SEND_NOW","why":"Ready for a survey","next_stage":"pricing",
                 "recommended_cta":"%s","followup_in_minutes":0,"template_required":false}""".formatted(cta));
    }

    @Test
    void aRecommendedCtaMovesTheConversationToTheCtaStageAndTellsTheConsoles() {
        decide("Book Survey");
        try (EventsClient events = new EventsClient(stack.backend().baseUri(), stack.api().token())) {
            post("4930200300", "wamid.cta.1", "Can someone check my roof this week?");

            JsonNode initiated = events.await(ConversationEvents.CTA_INITIATED, p -> true, WAIT).path("payload");
            assertThat(initiated.path("cta_name").asText()).isEqualTo("book_survey");
            assertThat(initiated.path("cta_type").asText()).isEqualTo("booking");
        }
        Waits.until("the reply", WAIT, () -> stack.graph().sends().size() >= 1);
        assertThat(stack.text("SELECT c.stage FROM conversations c JOIN leads l ON l.id = c.lead_id WHERE l.phone = '4930200300'"))
                .isEqualTo("cta");
        assertThat(stack.text("SELECT k.name FROM conversations c JOIN ctas k ON k.id = c.cta_id JOIN leads l ON l.id = c.lead_id"
                + " WHERE l.phone = '4930200300'")).isEqualTo("book_survey");
        assertThat(stack.text("SELECT output_summary FROM conversation_events WHERE event_type = 'cta_initiated'"))
                .isEqualTo("book_survey");
    }

    @Test
    void aCtaTheOrganisationDoesNotHaveIsIgnoredAndNoted() {
        decide("free_iphone");
        post("4930200301", "wamid.cta.2", "Do you give presents?");

        Waits.until("the turn's trace", WAIT, () -> !stack.text(
                "SELECT COUNT(*) FROM conversation_events WHERE event_type = 'cta_unknown'").equals("0"));
        assertThat(stack.text("SELECT c.stage FROM conversations c JOIN leads l ON l.id = c.lead_id WHERE l.phone = '4930200301'"))
                .isEqualTo("pricing");
        assertThat(stack.text("SELECT COUNT(*) FROM conversations c JOIN leads l ON l.id = c.lead_id"
                + " WHERE l.phone = '4930200301' AND c.cta_id IS NULL")).isEqualTo("1");
    }

    private static void post(String from, String waId, String text) {
        assertThat(stack.postText(from, waId, text)).isEqualTo(200);
    }
}
