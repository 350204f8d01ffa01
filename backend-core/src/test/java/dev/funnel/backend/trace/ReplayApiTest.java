package dev.funnel.backend.trace;

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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A past turn replayed with today's prompts: what the bot says now next to what it said then. */
class ReplayApiTest {

    private static ScriptedLlmServer llm;
    private static RunningBackend backend;

    @BeforeAll
    static void start(@TempDir Path dataDir) {
        llm = ScriptedLlmServer.start();
        backend = SoloBackend.start(dataDir, Map.of("FUNNEL_DEBOUNCE_MS", "0", "LLM_PRICES", "replay-model=1/2"));
    }

    @AfterAll
    static void stop() {
        backend.stop();
        llm.close();
    }

    @Test
    void aReplayShowsWhatTheBotWouldSayNowNextToWhatItSaidThenAndStoresNothing() {
        ApiClient api = BotTurns.organisationUsing(backend, llm, "replay-model", "now@now.test");
        String conversation = BotTurns.converse(api, llm, "15550111111", "What does it cost?");
        String turnId = api.get("/conversations/" + conversation + "/turns").body().get(0).path("turn_id").asText();
        LlmScripts.sendNow(llm, "Plans start at 49 dollars.");

        ApiClient.Response replay = api.post("/conversations/" + conversation + "/turns/" + turnId + "/replay", "{}");

        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.body().path("reply_then").asText()).isEqualTo("Thanks for asking!");
        assertThat(replay.body().path("now").path("reply").asText()).isEqualTo("Plans start at 49 dollars.");
        assertThat(replay.body().path("now").path("steps")).extracting(s -> s.path("step").asText())
                .containsExactly("analyze", "decide", "generate", "summarize");
        assertThat(replay.body().path("then").path("steps")).hasSize(4);
        assertThat(replay.body().path("reconstructed")).isNotEmpty();
        assertThat(api.get("/conversations/" + conversation + "/messages").body()).hasSize(2);
        assertThat(api.get("/conversations/" + conversation + "/turns").body()).hasSize(1);
        assertThat(api.get("/audit-log").body()).anySatisfy(
                entry -> assertThat(entry.path("action").asText()).isEqualTo("turn.replayed"));
    }

    @Test
    void aReplayedTurnSeesTheMessagesAndSummaryItHadThenNotLaterOnes() {
        ApiClient api = BotTurns.organisationUsing(backend, llm, "replay-model", "then@then.test");
        String conversation = BotTurns.converse(api, llm, "15550222222", "First question");
        String firstTurn = api.get("/conversations/" + conversation + "/turns").body().get(0).path("turn_id")
                .asText();
        LlmScripts.waitSchedule(llm);
        api.post("/debug/simulate", "{\"from_phone\":\"15550222222\",\"text\":\"A later question\"}");
        Waits.until("the second turn", Duration.ofSeconds(30),
                () -> api.get("/conversations/" + conversation + "/turns").body().size() == 2);
        LlmScripts.sendNow(llm, "Again");
        int before = llm.requests().size();

        api.post("/conversations/" + conversation + "/turns/" + firstTurn + "/replay", "{}");

        List<ScriptedLlmServer.RecordedRequest> replayed = llm.requests().subList(before, llm.requests().size());
        String analyze = replayed.stream().filter(r -> r.step() == PipelineStep.ANALYZE).findFirst().orElseThrow()
                .user();
        assertThat(analyze).contains("First question").doesNotContain("A later question")
                .doesNotContain("bot shared the starting price");
        assertThat(replayed).extracting(ScriptedLlmServer.RecordedRequest::model).containsOnly("replay-model");
    }

    @Test
    void aReplayedLaterTurnStartsFromTheSummaryTheTurnBeforeItWrote() {
        ApiClient api = BotTurns.organisationUsing(backend, llm, "replay-model", "summary@summary.test");
        String conversation = BotTurns.converse(api, llm, "15550333333", "First question");
        LlmScripts.waitSchedule(llm);
        api.post("/debug/simulate", "{\"from_phone\":\"15550333333\",\"text\":\"A later question\"}");
        Waits.until("the second turn", Duration.ofSeconds(30),
                () -> api.get("/conversations/" + conversation + "/turns").body().size() == 2);
        String laterTurn = api.get("/conversations/" + conversation + "/turns").body().get(0).path("turn_id")
                .asText();
        LlmScripts.sendNow(llm, "Again");
        int before = llm.requests().size();

        JsonNode replay = api.post("/conversations/" + conversation + "/turns/" + laterTurn + "/replay", "{}").body();

        String analyze = llm.requests().subList(before, llm.requests().size()).stream()
                .filter(r -> r.step() == PipelineStep.ANALYZE).findFirst().orElseThrow().user();
        assertThat(analyze).contains("Lead asked about pricing; bot shared the starting price.", "A later question");
        assertThat(replay.path("reply_then").isNull()).isTrue();
        assertThat(replay.path("reconstructed")).extracting(JsonNode::asText)
                .anySatisfy(note -> assertThat(note).startsWith("Rolling summary: the one the last summarize step"));
    }

    @Test
    void aBotReplyNamesTheTurnThatWroteIt() {
        ApiClient api = BotTurns.organisationUsing(backend, llm, "replay-model", "names@names.test");
        String conversation = BotTurns.converse(api, llm, "15550444444", "Hi there");
        String turnId = api.get("/conversations/" + conversation + "/turns").body().get(0).path("turn_id").asText();

        JsonNode messages = api.get("/conversations/" + conversation + "/messages").body();

        assertThat(messages.get(0).path("turn_id").isNull()).isTrue();
        assertThat(messages.get(1).path("message_from").asText()).isEqualTo("bot");
        assertThat(messages.get(1).path("turn_id").asText()).isEqualTo(turnId);
    }

    @Test
    void unknownTurnsAndOtherOrganisationsConversationsAreNotFound() {
        ApiClient owner = BotTurns.organisationUsing(backend, llm, "replay-model", "mine@mine.test");
        String conversation = BotTurns.converse(owner, llm, "15550555555", "Hi");
        String turnId = owner.get("/conversations/" + conversation + "/turns").body().get(0).path("turn_id").asText();
        ApiClient stranger = new ApiClient(backend.baseUri());
        stranger.signUp("Elsewhere Co", "else@else.test");

        assertThat(stranger.post("/conversations/" + conversation + "/turns/" + turnId + "/replay", "{}").status())
                .isEqualTo(404);
        assertThat(owner.post("/conversations/" + conversation + "/turns/" + conversation + "/replay", "{}")
                .status()).isEqualTo(404);
    }
}
