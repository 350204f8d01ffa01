package dev.funnel.backend.organisations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.funnel.backend.pipeline.PipelineStep;
import dev.funnel.backend.testing.ApiClient;
import dev.funnel.backend.testing.LlmScripts;
import dev.funnel.backend.testing.ScriptedLlmServer;
import dev.funnel.backend.testing.SoloStack;
import dev.funnel.backend.testing.Waits;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an admin changes through {@code PATCH /organisation} is what the next turn and its follow-up use. */
class OrganisationSettingsInTurnsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static SoloStack stack;

    @BeforeAll
    static void start(@TempDir Path dataDir) {
        stack = SoloStack.start(dataDir, "Pune Solar", "settings-secret", "4445556667778",
                Map.of("FUNNEL_DEBOUNCE_MS", "0"));
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void theNextTurnUsesTheChangedProfileLimitsAndCadence() {
        ApiClient.Response patched = stack.api().patch("/organisation", """
                {"business_profile":"Rooftop solar panels for homes in Pune","max_words":12,
                 "quiet_hours_start":"21:30","quiet_hours_end":"07:15","followup_cadence_minutes":[5,90]}""");
        assertThat(patched.status()).isEqualTo(200);
        LlmScripts.sendNow(stack.llm(), "Panels start at 2 lakh rupees.");

        assertThat(stack.postText("919800011122", "wamid.settings.1", "How much for a 3 kW system?"))
                .isEqualTo(200);

        Waits.until("the reply", WAIT, () -> stack.graph().sends().size() == 1);
        assertThat(prompt(PipelineStep.GENERATE)).contains("Business: Rooftop solar panels for homes in Pune")
                .contains("At most 12 words");
        assertThat(prompt(PipelineStep.DECIDE)).contains("Quiet hours 21:30-07:15 local");
        String conversation = stack.text("SELECT id FROM conversations");
        Waits.until("the follow-up", WAIT, () -> !stack.api().get("/conversations/" + conversation + "/followups")
                .body().isEmpty());
        JsonNode followup = stack.api().get("/conversations/" + conversation + "/followups").body().get(0);
        Instant leadWrote = Instant.parse(stack.api().get("/conversations").body().get(0)
                .path("last_user_message_at").asText());
        assertThat(Instant.parse(followup.path("scheduled_at").asText())).isEqualTo(leadWrote.plus(Duration.ofMinutes(5)));
        assertThat(followup.path("reason").asText()).isEqualTo("nudge 1 of 2 after the lead went quiet");
    }

    private static String prompt(PipelineStep step) {
        ScriptedLlmServer.RecordedRequest request = stack.llm().requests().stream()
                .filter(r -> r.step() == step).findFirst().orElseThrow();
        return request.system() + "\n" + request.user();
    }
}
