package dev.funnel.backend.trace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.funnel.backend.RunningBackend;
import dev.funnel.backend.testing.ApiClient;
import dev.funnel.backend.testing.BotTurns;
import dev.funnel.backend.testing.LlmScripts;
import dev.funnel.backend.testing.ScriptedLlmServer;
import dev.funnel.backend.testing.SoloBackend;
import dev.funnel.backend.testing.Waits;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A conversation's turns through the API: every step's row, the totals, and the cost at the configured prices. */
class TraceApiTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static ScriptedLlmServer llm;
    private static RunningBackend backend;

    @BeforeAll
    static void start(@TempDir Path dataDir) {
        llm = ScriptedLlmServer.start();
        backend = SoloBackend.start(dataDir, Map.of(
                "FUNNEL_DEBOUNCE_MS", "0",
                "LLM_PRICES", "priced-model=0.15/0.60, other-model=1/2"));
    }

    @AfterAll
    static void stop() {
        backend.stop();
        llm.close();
    }

    @Test
    void aTurnShowsEveryStepWithTokensLatencyAndCostAndTheirTotals() {
        ApiClient api = organisationUsing("priced-model", "priced@priced.test");
        String conversation = converse(api, "15550005555", "What does it cost?");

        JsonNode turns = api.get("/conversations/" + conversation + "/turns").body();
        JsonNode turn = api.get("/conversations/" + conversation + "/turns/" + turns.get(0).path("turn_id").asText())
                .body();

        assertThat(turns).hasSize(1);
        assertThat(turns.get(0).path("lead_message").asText()).isEqualTo("What does it cost?");
        assertThat(turns.get(0).path("steps").asInt()).isEqualTo(4);
        assertThat(turn.path("steps")).extracting(s -> s.path("step").asText())
                .containsExactly("analyze", "decide", "generate", "summarize");
        BigDecimal sum = BigDecimal.ZERO;
        int promptTokens = 0;
        for (JsonNode step : turn.path("steps")) {
            assertThat(step.path("prompt_version").asText()).startsWith("default-");
            assertThat(step.path("model").asText()).isEqualTo("priced-model");
            assertThat(step.path("input_summary").asText()).isNotBlank();
            assertThat(step.path("output_summary").asText()).startsWith("{");
            assertThat(step.path("latency_ms").isNumber()).isTrue();
            assertThat(step.path("prompt_tokens").asInt()).isPositive();
            assertThat(step.path("completion_tokens").asInt()).isPositive();
            BigDecimal expected = BigDecimal.valueOf(step.path("prompt_tokens").asInt() * 15L
                    + step.path("completion_tokens").asInt() * 60L).movePointLeft(8).setScale(8, RoundingMode.HALF_UP);
            assertThat(step.path("cost_usd").decimalValue()).isEqualByComparingTo(expected);
            assertThat(step.path("cost_note").isNull()).isTrue();
            sum = sum.add(expected);
            promptTokens += step.path("prompt_tokens").asInt();
        }
        JsonNode totals = turn.path("totals");
        assertThat(totals.path("prompt_tokens").asInt()).isEqualTo(promptTokens);
        assertThat(totals.path("cost_usd").decimalValue()).isEqualByComparingTo(sum);
        assertThat(totals.path("cost_note").isNull()).isTrue();
        assertThat(turns.get(0).path("totals")).isEqualTo(totals);
        assertThat(turn.path("outcomes")).extracting(o -> o.path("event_type").asText())
                .containsExactly("followup_scheduled");
    }

    @Test
    void aModelWithoutAPriceGetsNoCostAndTheTraceSaysWhy() {
        ApiClient api = organisationUsing("unpriced-model", "unpriced@unpriced.test");
        String conversation = converse(api, "15550006666", "Hello?");

        JsonNode turnId = api.get("/conversations/" + conversation + "/turns").body().get(0).path("turn_id");
        JsonNode turn = api.get("/conversations/" + conversation + "/turns/" + turnId.asText()).body();

        assertThat(turn.path("steps")).allSatisfy(step -> {
            assertThat(step.path("cost_usd").isNull()).isTrue();
            assertThat(step.path("cost_note").asText()).contains("'unpriced-model'", "LLM_PRICES");
        });
        assertThat(turn.path("totals").path("cost_usd").isNull()).isTrue();
        assertThat(turn.path("totals").path("cost_note").asText()).contains("'unpriced-model'");
        assertThat(turn.path("totals").path("completion_tokens").asInt()).isPositive();
    }

    @Test
    void turnsAreListedNewestFirstWithTheirOutcomes() {
        ApiClient api = organisationUsing("priced-model", "two@two.test");
        String conversation = converse(api, "15550007777", "First question");
        LlmScripts.waitSchedule(llm);
        api.post("/debug/simulate", "{\"from_phone\":\"15550007777\",\"text\":\"Let me think\"}");
        Waits.until("the second turn", WAIT,
                () -> api.get("/conversations/" + conversation + "/turns").body().size() == 2);

        JsonNode turns = api.get("/conversations/" + conversation + "/turns").body();

        assertThat(turns).extracting(t -> t.path("lead_message").asText()).containsExactly("Let me think",
                "First question");
        assertThat(turns.get(0).path("steps").asInt()).isEqualTo(3);
        assertThat(turns.get(0).path("outcomes")).extracting(JsonNode::asText).containsExactly("wait_decided",
                "followup_scheduled");
        assertThat(api.get("/conversations/" + conversation + "/turns?limit=1").body()).hasSize(1);
    }

    @Test
    void anotherOrganisationsConversationAndUnknownTurnsAreNotFound() {
        ApiClient owner = organisationUsing("priced-model", "owner@owner.test");
        String conversation = converse(owner, "15550008888", "Hi");
        String turnId = owner.get("/conversations/" + conversation + "/turns").body().get(0).path("turn_id").asText();
        ApiClient stranger = new ApiClient(backend.baseUri());
        stranger.signUp("Stranger Co", "stranger@stranger.test");

        assertThat(stranger.get("/conversations/" + conversation + "/turns").status()).isEqualTo(404);
        assertThat(stranger.get("/conversations/" + conversation + "/turns/" + turnId).status()).isEqualTo(404);
        assertThat(owner.get("/conversations/" + conversation + "/turns/" + conversation).status()).isEqualTo(404);
        assertThat(owner.get("/conversations/" + conversation + "/turns/not-a-uuid").status()).isEqualTo(400);
        assertThat(new ApiClient(backend.baseUri()).get("/conversations/" + conversation + "/turns").status())
                .isEqualTo(401);
    }

    private static ApiClient organisationUsing(String model, String email) {
        return BotTurns.organisationUsing(backend, llm, model, email);
    }

    private static String converse(ApiClient api, String phone, String text) {
        return BotTurns.converse(api, llm, phone, text);
    }
}
