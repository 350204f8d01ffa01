package dev.funnel.backend.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.backend.conversations.ConversationEvents;
import dev.funnel.backend.pipeline.PipelineStep;
import dev.funnel.backend.testing.EventsClient;
import dev.funnel.backend.testing.LlmScripts;
import dev.funnel.backend.testing.SoloStack;
import dev.funnel.backend.testing.Waits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failing model: passing trouble is waited out, anything else goes to a person at once. */
class TurnFailuresTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static SoloStack stack;

    @BeforeAll
    static void start(@TempDir Path dataDir) {
        stack = SoloStack.start(dataDir, "Quiet Bikes", "failures-secret", "5551112223334", Map.of("FUNNEL_DEBOUNCE_MS", "0"));
        LlmScripts.sendNow(stack.llm(), "Our e-bikes start at 1,200 euros.");
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void anOverloadedModelIsTriedAgainAndTheLeadStillGetsOneReply() {
        stack.llm().failNext(PipelineStep.DECIDE, 503, "{\"error\":{\"message\":\"overloaded\"}}");

        assertThat(stack.postText("4930300400", "wamid.fail.1", "How much is an e-bike?")).isEqualTo(200);

        Waits.until("the reply after a retry", WAIT, () -> sendsTo("4930300400") == 1);
        assertThat(stack.text("SELECT c.needs_attention FROM conversations c JOIN leads l ON l.id = c.lead_id"
                + " WHERE l.phone = '4930300400'")).isEqualToIgnoringCase("false");
        assertThat(stack.llm().requests().stream().filter(r -> r.step() == PipelineStep.DECIDE).count()).isEqualTo(2);
    }

    @Test
    void aRejectedKeyHandsTheConversationToAPersonAtOnce() {
        stack.llm().failNext(PipelineStep.ANALYZE, 401, "{\"error\":{\"message\":\"Invalid API Key\"}}");
        try (EventsClient events = new EventsClient(stack.backend().baseUri(), stack.api().token())) {
            assertThat(stack.postText("4930300401", "wamid.fail.2", "Do you deliver?")).isEqualTo(200);

            events.await(ConversationEvents.HUMAN_ATTENTION_REQUIRED,
                    p -> p.path("reason").asText().contains("HTTP 401"), WAIT);
        }
        assertThat(stack.text("SELECT c.mode FROM conversations c JOIN leads l ON l.id = c.lead_id"
                + " WHERE l.phone = '4930300401'")).isEqualTo("human");
        assertThat(sendsTo("4930300401")).isZero();
        assertThat(stack.count("SELECT COUNT(*) FROM conversation_events WHERE event_type = 'handoff'"
                + " AND output_summary LIKE '%HTTP 401%'")).isEqualTo(1);
    }

    private static long sendsTo(String phone) {
        return stack.graph().sends().stream().filter(c -> phone.equals(c.body().path("to").asText())).count();
    }
}
