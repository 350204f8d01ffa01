package dev.funnel.backend.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.funnel.backend.pipeline.PipelineStep;
import dev.funnel.backend.testing.ApiClient;
import dev.funnel.backend.testing.ConnectedOrganisations;
import dev.funnel.backend.testing.LlmScripts;
import dev.funnel.backend.testing.ScriptedLlmServer;
import dev.funnel.backend.testing.Waits;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Grounded answers with the scripted model: when the analysis asks for knowledge, the organisation's
 * best snippets go into the generate prompt and the turn's trace lists them; without a knowledge base
 * the prompt has no knowledge block.
 */
class KnowledgeGroundingTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String QUESTION = "Hi! How much is an e-bike for a whole day?";

    private static ConnectedOrganisations organisations;

    @BeforeAll
    static void start(@TempDir Path dataDir) {
        organisations = ConnectedOrganisations.start(dataDir, "grounding-secret", "555300");
        LlmScripts.sendNowWithKnowledge(organisations.llm(), "An e-bike is 55 euros for the day, battery included.",
                "electric bike daily price");
    }

    @AfterAll
    static void stop() {
        organisations.close();
    }

    @Test
    void aPricingQuestionIsAnsweredFromTheKnowledgeBaseAndTheTraceNamesTheSource() {
        ApiClient api = organisations.create(organisations.llm());
        String document = api.post("/knowledge/documents?name=handbook.md", "text/markdown",
                KnowledgeFixtures.handbook()).body().path("id").asText();
        Waits.until("the handbook to be indexed", WAIT, () -> api.get("/knowledge/documents/" + document).body()
                .path("status").asText().equals("ready"));

        JsonNode turn = turnAfterTheLeadAsks(api);

        String prompt = generatePrompt(api);
        assertThat(prompt).contains("Knowledge base (the only source for prices")
                .contains("[1] handbook.md: Hourly and daily rental prices")
                .contains("An electric bike costs 14 euros per hour or 55 euros per day");
        JsonNode source = turn.path("sources").path(0);
        assertThat(source.path("document_id").asText()).isEqualTo(document);
        assertThat(source.path("document_name").asText()).isEqualTo("handbook.md");
        assertThat(source.path("excerpt").asText()).startsWith("Hourly and daily rental prices").hasSizeLessThan(302);
        assertThat(source.path("score").asDouble()).isGreaterThanOrEqualTo(KnowledgeBase.TURN_MIN_SCORE);
        assertThat(turn.path("sources").size()).isBetween(1, KnowledgeBase.TURN_SNIPPETS);
        assertThat(turn.path("outcomes").findValuesAsText("event_type")).doesNotContain("knowledge_sources");

        JsonNode replay = api.post("/conversations/" + conversation(api) + "/turns/" + turn.path("turn_id").asText()
                + "/replay", "{}").body();
        assertThat(replay.path("now").path("sources").path(0).path("document_name").asText())
                .isEqualTo("handbook.md");
        assertThat(replay.path("then").path("sources")).hasSameSizeAs(turn.path("sources"));
    }

    @Test
    void withoutAKnowledgeBaseTheGeneratePromptHasNoKnowledgeBlock() {
        ApiClient api = organisations.create(organisations.llm());

        JsonNode turn = turnAfterTheLeadAsks(api);

        assertThat(generatePrompt(api)).doesNotContain("Knowledge base");
        assertThat(turn.path("sources").isArray()).isTrue();
        assertThat(turn.path("sources")).isEmpty();
    }

    /** The lead asks {@link #QUESTION}; answers the bot's turn once the reply is recorded. */
    private static JsonNode turnAfterTheLeadAsks(ApiClient api) {
        organisations.leadWrites(api, "919811122233", QUESTION, Instant.now().getEpochSecond() - 60);
        Waits.until("the bot's turn", WAIT, () -> !api.get("/conversations").body().isEmpty()
                && !api.get("/conversations/" + conversation(api) + "/turns").body().isEmpty()
                && api.get("/conversations/" + conversation(api) + "/messages").body().findValuesAsText("message_from")
                .contains("bot"));
        String conversation = conversation(api);
        String turnId = api.get("/conversations/" + conversation + "/turns").body().path(0).path("turn_id").asText();
        return api.get("/conversations/" + conversation + "/turns/" + turnId).body();
    }

    private static String conversation(ApiClient api) {
        return api.get("/conversations").body().path(0).path("id").asText();
    }

    /** The user part of this organisation's last generate request (its name is in the system part). */
    private static String generatePrompt(ApiClient api) {
        String name = api.get("/organisation").body().path("name").asText();
        List<ScriptedLlmServer.RecordedRequest> generates = organisations.llm().requests().stream()
                .filter(r -> r.step() == PipelineStep.GENERATE && r.system().contains(name)).toList();
        assertThat(generates).isNotEmpty();
        return generates.getLast().user();
    }
}
