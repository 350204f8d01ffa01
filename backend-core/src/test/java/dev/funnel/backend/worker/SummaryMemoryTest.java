package dev.funnel.backend.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.backend.pipeline.PipelineStep;
import dev.funnel.backend.testing.LlmScripts;
import dev.funnel.backend.testing.ScriptedLlmServer.RecordedRequest;
import dev.funnel.backend.testing.SoloStack;
import dev.funnel.backend.testing.Waits;
import dev.funnel.backend.testing.Webhooks;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The summarize step is shown the messages the rolling summary has not taken in: what was written
 * since the last summary, however many, and not again what an earlier summary already holds.
 */
class SummaryMemoryTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String LEAD = "919800055501";

    private static SoloStack stack;

    @BeforeAll
    static void start(@TempDir Path dataDir) {
        stack = SoloStack.start(dataDir, "Memory Solar", "memory-secret", "4445556667779",
                Map.of("FUNNEL_DEBOUNCE_MS", "0"));
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void aPersonsMessagesReachTheSummaryAndWhatItHoldsIsNotShownAgain() throws InterruptedException {
        LlmScripts.sendNow(stack.llm(), "A 3 kW system starts at 2 lakh rupees.");
        assertThat(stack.postText(LEAD, "wamid.memory.1", "How much for a 3 kW system?")).isEqualTo(200);
        Waits.until("the first reply", WAIT, () -> stack.graph().sends().size() == 1);
        assertThat(call(PipelineStep.SUMMARIZE, 0).user()).contains("How much for a 3 kW system?");

        String conversation = stack.text("SELECT id FROM conversations");
        assertThat(stack.api().post("/conversations/" + conversation + "/takeover", "{}").status()).isEqualTo(200);
        for (String text : new String[] {"Our engineer can visit on Monday.", "Bring your last electricity bill.",
                "The survey is free."}) {
            assertThat(stack.api().post("/messages/send", "{\"conversation_id\":\"%s\",\"content\":\"%s\"}"
                    .formatted(conversation, text)).status()).isEqualTo(201);
        }
        assertThat(stack.api().post("/conversations/" + conversation + "/release", "{}").status()).isEqualTo(200);
        LlmScripts.sendNow(stack.llm(), "See you on Monday.");
        // WhatsApp times are whole seconds: the lead answers in a later one, as in a real chat
        Thread.sleep(1000);
        assertThat(stack.post(Webhooks.text(stack.phoneNumberId(), LEAD, "wamid.memory.2",
                Instant.now().getEpochSecond(), "Monday works for me."))).isEqualTo(200);
        Waits.until("the second reply", WAIT, () -> stack.graph().sends().size() == 5);

        // the chat shows the last three; the memory gets all four new ones, and not the first exchange again
        assertThat(call(PipelineStep.ANALYZE, 1).user()).doesNotContain("Our engineer can visit on Monday.");
        assertThat(call(PipelineStep.SUMMARIZE, 1).user())
                .contains("Our engineer can visit on Monday.", "Bring your last electricity bill.", "The survey is free.",
                        "Monday works for me.")
                .doesNotContain("How much for a 3 kW system?", "A 3 kW system starts at 2 lakh rupees.");
    }

    private static RecordedRequest call(PipelineStep step, int index) {
        return stack.llm().requests().stream().filter(r -> r.step() == step).toList().get(index);
    }
}
