package dev.funnel.backend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.backend.pipeline.PipelineStep;
import dev.funnel.backend.testing.LlmScripts;
import dev.funnel.backend.testing.ScriptedLlmServer;
import dev.funnel.backend.testing.TeamStack;
import dev.funnel.backend.testing.Waits;
import dev.funnel.backend.testing.Webhooks;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The same path over a FIFO queue: deduplicated by body, each lead's messages read in order. */
class FifoQueueIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static TeamStack stack;

    @BeforeAll
    static void start() throws Exception {
        stack = new TeamStack("funnel-inbound.fifo", Map.of("FUNNEL_DEBOUNCE_MS", "500"));
        LlmScripts.sendNow(stack.llm, "Got it, thanks!");
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void twoLeadsBurstsAreStoredOnceAndAnsweredOnceEachInOrder() {
        String id = TeamStack.PHONE_NUMBER_ID;
        byte[] a1 = Webhooks.text(id, "4915000001", "wamid.a1", Webhooks.aMinuteAgo() + 1, "A one");
        byte[] b1 = Webhooks.text(id, "4915000002", "wamid.b1", Webhooks.aMinuteAgo() + 1, "B one");
        byte[] a2 = Webhooks.text(id, "4915000001", "wamid.a2", Webhooks.aMinuteAgo() + 2, "A two");
        byte[] a3 = Webhooks.text(id, "4915000001", "wamid.a3", Webhooks.aMinuteAgo() + 3, "A three");

        for (byte[] body : List.of(a1, b1, a2, a2, a3)) { // a2 delivered twice: same body, same deduplication id
            assertThat(stack.postToGateway(body)).isEqualTo(200);
        }

        Waits.until("both leads answered", WAIT, () -> stack.count(
                "SELECT COUNT(*) FROM messages WHERE message_from = 'bot' AND status = 'sent'") == 2);
        stack.awaitQueueDrained(WAIT);
        assertThat(stack.count("SELECT COUNT(*) FROM messages WHERE message_from = 'lead'")).isEqualTo(4);
        List<String> prompts = stack.llm.requests().stream()
                .filter(r -> r.step() == PipelineStep.ANALYZE && r.user().contains("A one"))
                .map(ScriptedLlmServer.RecordedRequest::user).toList();
        assertThat(prompts).hasSize(1);
        String prompt = prompts.getFirst();
        assertThat(prompt.indexOf("A one")).isLessThan(prompt.indexOf("A two"));
        assertThat(prompt.indexOf("A two")).isLessThan(prompt.indexOf("A three"));
    }
}
