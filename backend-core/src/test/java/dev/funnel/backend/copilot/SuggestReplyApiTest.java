package dev.funnel.backend.copilot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.funnel.backend.RunningBackend;
import dev.funnel.backend.pipeline.PipelineStep;
import dev.funnel.backend.testing.ApiClient;
import dev.funnel.backend.testing.BotTurns;
import dev.funnel.backend.testing.LlmScripts;
import dev.funnel.backend.testing.ScriptedLlmServer;
import dev.funnel.backend.testing.SoloBackend;
import dev.funnel.backend.testing.Waits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The copilot through the API: a draft for the person holding a conversation, and nothing more. */
class SuggestReplyApiTest {

    private static ScriptedLlmServer llm;
    private static RunningBackend backend;

    @BeforeAll
    static void start(@TempDir Path dataDir) {
        llm = ScriptedLlmServer.start();
        backend = SoloBackend.start(dataDir, Map.of("FUNNEL_DEBOUNCE_MS", "0", "LLM_PRICES", "copilot-model=1/2"));
    }

    @AfterAll
    static void stop() {
        backend.stop();
        llm.close();
    }

    @Test
    void aPersonHoldingTheConversationGetsADraftWithItsStepsAndNothingIsSentOrStored() {
        ApiClient api = BotTurns.organisationUsing(backend, llm, "copilot-model", "draft@draft.test");
        String conversation = heldByAPerson(api, "15550101010", "What does it cost?");
        JsonNode before = api.get("/conversations").body().get(0);
        LlmScripts.sendNow(llm, "It starts at 49 dollars a month.");

        ApiClient.Response answer = api.post("/conversations/" + conversation + "/suggest-reply", "{}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("reply").asText()).isEqualTo("It starts at 49 dollars a month.");
        assertThat(answer.body().path("steps")).extracting(s -> s.path("step").asText())
                .containsExactly("analyze", "decide", "generate");
        assertThat(answer.body().path("totals").path("cost_usd").decimalValue()).isPositive();
        assertThat(api.get("/conversations/" + conversation + "/messages").body()).hasSize(2);
        assertThat(api.get("/conversations/" + conversation + "/turns").body()).hasSize(1);
        assertThat(api.get("/conversations").body().get(0)).isEqualTo(before);
        assertThat(api.get("/audit-log").body()).anySatisfy(entry -> assertThat(entry.path("action").asText())
                        .isEqualTo("conversation.reply_suggested"));
    }

    @Test
    void aDraftIsWrittenEvenWhenTheBotItselfWouldHaveWaited() {
        ApiClient api = BotTurns.organisationUsing(backend, llm, "copilot-model", "wait@wait.test");
        String conversation = heldByAPerson(api, "15550202020", "Let me think");
        LlmScripts.sendNow(llm, "Take your time, I'm here.");
        LlmScripts.waitSchedule(llm); // the generate step keeps its scripted answer

        JsonNode answer = api.post("/conversations/" + conversation + "/suggest-reply", "{}").body();

        assertThat(answer.path("action").asText()).isEqualTo("WAIT_SCHEDULE");
        assertThat(answer.path("reply").asText()).isEqualTo("Take your time, I'm here.");
    }

    @Test
    void whileTheBotHoldsTheConversationThereIsNoDraft() {
        ApiClient api = BotTurns.organisationUsing(backend, llm, "copilot-model", "bot@bot.test");
        String conversation = BotTurns.converse(api, llm, "15550303030", "Hello");

        ApiClient.Response answer = api.post("/conversations/" + conversation + "/suggest-reply", "{}");

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.body().path("error").asText()).contains("take it over");
    }

    @Test
    void aFailingModelIsA502NamingTheStep() {
        ApiClient api = BotTurns.organisationUsing(backend, llm, "copilot-model", "fail@fail.test");
        String conversation = heldByAPerson(api, "15550404040", "Hello");
        llm.failNext(PipelineStep.ANALYZE, 401, "{\"error\":{\"message\":\"Invalid API key\"}}");

        ApiClient.Response answer = api.post("/conversations/" + conversation + "/suggest-reply", "{}");

        assertThat(answer.status()).isEqualTo(502);
        assertThat(answer.body().path("error").asText()).contains("language model failed", "analyze");
    }

    @Test
    void withoutAModelTheAnswerSaysToConfigureOne() {
        ApiClient api = new ApiClient(backend.baseUri());
        api.signUp("Modelless Ltd", "none@none.test");
        api.post("/debug/simulate", "{\"from_phone\":\"15550505050\",\"text\":\"Hi\"}");
        Waits.until("the conversation", Duration.ofSeconds(30), () -> api.get("/conversations").body().size() == 1);
        String conversation = api.get("/conversations").body().get(0).path("id").asText();
        api.post("/conversations/" + conversation + "/takeover", "{}");

        ApiClient.Response answer = api.post("/conversations/" + conversation + "/suggest-reply", "{}");

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.body().path("error").asText()).contains("No language model is configured");
    }

    @Test
    void anotherOrganisationsConversationIsNotFound() {
        ApiClient owner = BotTurns.organisationUsing(backend, llm, "copilot-model", "own@own.test");
        String conversation = heldByAPerson(owner, "15550606060", "Hi");
        ApiClient stranger = new ApiClient(backend.baseUri());
        stranger.signUp("Other Co", "other@other.test");

        assertThat(stranger.post("/conversations/" + conversation + "/suggest-reply", "{}").status()).isEqualTo(404);
    }

    /** The bot answered the lead once, then a person took the conversation over. */
    private static String heldByAPerson(ApiClient api, String phone, String text) {
        String conversation = BotTurns.converse(api, llm, phone, text);
        api.post("/conversations/" + conversation + "/takeover", "{}");
        return conversation;
    }
}
