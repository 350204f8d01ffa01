package dev.funnel.backend.prompts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.funnel.backend.RunningBackend;
import dev.funnel.backend.http.Json;
import dev.funnel.backend.pipeline.PipelineStep;
import dev.funnel.backend.testing.ApiClient;
import dev.funnel.backend.testing.LlmScripts;
import dev.funnel.backend.testing.ScriptedLlmServer;
import dev.funnel.backend.testing.SoloBackend;
import dev.funnel.backend.testing.Waits;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An organisation's own prompts through the API, and the pipeline running with them. */
class PromptsApiTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String OWN_DECIDE = """
            ## system
            Funnel pipeline step: decide
            Acme's own decide rules. Playbook first: {{sales_playbook}}
            Answer as JSON with action, why, next_stage, recommended_cta, followup_in_minutes, template_required.
            ## user
            {{analysis}}
            {{last_messages}}
            """;

    private static ScriptedLlmServer llm;
    private static RunningBackend backend;

    @BeforeAll
    static void start(@TempDir Path dataDir) {
        llm = ScriptedLlmServer.start();
        backend = SoloBackend.start(dataDir, Map.of("FUNNEL_DEBOUNCE_MS", "0"));
    }

    @AfterAll
    static void stop() {
        backend.stop();
        llm.close();
    }

    @Test
    void everyStepIsListedWithItsDefaultTextVersionAndAllowedVariables() {
        ApiClient api = signedUp("List Co", "list@list.test");

        JsonNode prompts = api.get("/prompts").body();

        assertThat(prompts).extracting(p -> p.path("step").asText())
                .containsExactly("analyze", "decide", "generate", "summarize", "followup");
        assertThat(prompts).allSatisfy(p -> {
            assertThat(p.path("overridden").asBoolean()).isFalse();
            assertThat(p.path("version").asText()).matches("default-[0-9a-f]{12}");
            assertThat(p.path("text").asText()).startsWith("## system\nFunnel pipeline step: " + p.path("step").asText());
            assertThat(names(p.path("variables"))).contains("business_name", "sales_playbook", "language");
        });
        assertThat(names(prompts.get(0).path("variables"))).doesNotContain("analysis");
        assertThat(names(prompts.get(3).path("variables"))).contains("analysis", "decision", "bot_reply");
        assertThat(prompts.get(0).path("variables").get(0).path("description").asText()).isNotBlank();
    }

    @Test
    void aPromptWithAnUnknownVariableIsRefusedNamingItAndTheAllowedOnes() {
        ApiClient api = signedUp("Typo Co", "typo@typo.test");

        ApiClient.Response r = api.put("/prompts/analyze", text(OWN_DECIDE.replace("{{last_messages}}",
                "{{budget}} {{last_messages}}")));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().path("error").asText())
                .contains("unknown variable(s) {{analysis}}, {{budget}}")
                .contains("Allowed variables: {{business_name}}")
                .contains("{{last_messages}}");
        assertThat(api.get("/prompts/analyze").body().path("overridden").asBoolean()).isFalse();
    }

    @Test
    void aPromptWithMalformedBracesOrNoSectionsIsRefused() {
        ApiClient api = signedUp("Brace Co", "brace@brace.test");

        ApiClient.Response braces = api.put("/prompts/decide", text(OWN_DECIDE.replace("{{analysis}}",
                "{{ Analysis }")));
        ApiClient.Response sections = api.put("/prompts/decide", text("Just be nice to {{business_name}}."));
        ApiClient.Response empty = api.put("/prompts/decide", "{\"text\":\"\"}");

        assertThat(braces.status()).isEqualTo(400);
        assertThat(braces.body().path("error").asText()).contains("malformed placeholder(s) {{ Analysis }")
                .contains("Allowed variables:");
        assertThat(sections.status()).isEqualTo(400);
        assertThat(sections.body().path("error").asText()).contains("'## system' is missing");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body().path("error").asText()).contains("text is required");
    }

    @Test
    void savingAndResettingMakeNewVersionsScopedToTheOrganisation() {
        ApiClient api = signedUp("Versions Co", "versions@versions.test");
        ApiClient other = signedUp("Other Co", "other@other.test");
        String defaultVersion = api.get("/prompts/decide").body().path("version").asText();

        JsonNode first = api.put("/prompts/decide", text(OWN_DECIDE)).body();
        JsonNode second = api.put("/prompts/decide", text(OWN_DECIDE.replace("Acme's", "Our"))).body();
        JsonNode read = api.get("/prompts/decide").body();
        JsonNode reset = api.delete("/prompts/decide").body();
        JsonNode afterReset = api.put("/prompts/decide", text(OWN_DECIDE)).body();

        assertThat(first.path("overridden").asBoolean()).isTrue();
        assertThat(first.path("version").asText()).isEqualTo("org-1");
        assertThat(first.path("saved_at").asText()).isNotBlank();
        assertThat(second.path("version").asText()).isEqualTo("org-2");
        assertThat(read.path("text").asText()).isEqualTo(OWN_DECIDE.replace("Acme's", "Our"));
        assertThat(reset.path("overridden").asBoolean()).isFalse();
        assertThat(reset.path("version").asText()).isEqualTo(defaultVersion);
        assertThat(afterReset.path("version").asText()).isEqualTo("org-4");
        assertThat(other.get("/prompts/decide").body().path("version").asText()).isEqualTo(defaultVersion);
    }

    @Test
    void unknownStepsAndCallsWithoutATokenAreRefused() {
        ApiClient api = signedUp("Steps Co", "steps@steps.test");

        ApiClient.Response unknown = api.get("/prompts/negotiate");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().path("error").asText()).contains("analyze, decide, generate, summarize, followup");
        assertThat(new ApiClient(backend.baseUri()).get("/prompts").status()).isEqualTo(401);
        assertThat(new ApiClient(backend.baseUri()).put("/prompts/decide", text(OWN_DECIDE)).status()).isEqualTo(401);
    }

    @Test
    void theTurnRunsWithTheOrganisationsPromptAndItsTraceNamesTheVersion() {
        ApiClient api = signedUp("Own Prompt Co", "own@own.test");
        api.put("/settings/llm", "{\"base_url\":\"%s\",\"model\":\"scripted-model\"}".formatted(llm.baseUrl()));
        String saved = api.put("/prompts/decide", text(OWN_DECIDE)).body().path("version").asText();
        LlmScripts.sendNow(llm, "Our starter plan is 10 dollars a month.");

        api.post("/debug/simulate", "{\"from_phone\":\"15550004444\",\"text\":\"How much is it?\"}");
        Waits.until("the bot's reply", WAIT, () -> api.get("/conversations").body().size() == 1
                && api.get("/conversations/" + conversationId(api) + "/messages").body().size() == 2);
        JsonNode turns = api.get("/conversations/" + conversationId(api) + "/turns").body();
        JsonNode turn = api.get("/conversations/" + conversationId(api) + "/turns/"
                + turns.get(0).path("turn_id").asText()).body();

        assertThat(llm.requests()).filteredOn(r -> r.step() == PipelineStep.DECIDE).last()
                .satisfies(r -> assertThat(r.system()).startsWith("Funnel pipeline step: decide\nAcme's own decide rules"));
        assertThat(turn.path("steps")).extracting(s -> s.path("step").asText() + " " + s.path("prompt_version").asText())
                .containsExactly(
                        "analyze " + api.get("/prompts/analyze").body().path("version").asText(),
                        "decide " + saved,
                        "generate " + api.get("/prompts/generate").body().path("version").asText(),
                        "summarize " + api.get("/prompts/summarize").body().path("version").asText());
    }

    @Test
    void aStoredPromptThatNoLongerPassesTheChecksHandsTheTurnToAPersonWithTheReason() {
        ApiClient api = signedUp("Old Prompt Co", "old@old.test");
        api.put("/settings/llm", "{\"base_url\":\"%s\",\"model\":\"scripted-model\"}".formatted(llm.baseUrl()));
        LlmScripts.sendNow(llm, "never sent");
        // as if saved before a variable was retired: the API would refuse it today
        UUID organisation = UUID.fromString(api.get("/auth/me").body().path("organisation").path("id").asText());
        backend.db().inTransactionRun(tx -> tx.update("""
                INSERT INTO prompt_revisions (organisation_id, step, revision, body, saved_at)
                VALUES (?, 'generate', 1, ?, ?)""", organisation, OWN_DECIDE + "{{retired_variable}}", Instant.now()));

        api.post("/debug/simulate", "{\"from_phone\":\"15550009999\",\"text\":\"Hello\"}");
        Waits.until("the handoff", WAIT, () -> api.get("/conversations").body().size() == 1
                && api.get("/conversations").body().get(0).path("needs_attention").asBoolean());

        assertThat(api.get("/conversations").body().get(0).path("attention_reason").asText())
                .contains("generate prompt (org-1) is not valid any more", "{{retired_variable}}");
        assertThat(api.get("/conversations/" + conversationId(api) + "/messages").body())
                .extracting(m -> m.path("message_from").asText()).containsExactly("lead");
    }

    private static ApiClient signedUp(String organisation, String email) {
        ApiClient api = new ApiClient(backend.baseUri());
        api.signUp(organisation, email);
        return api;
    }

    private static String conversationId(ApiClient api) {
        return api.get("/conversations").body().get(0).path("id").asText();
    }

    private static String text(String prompt) {
        return Json.text(Map.of("text", prompt));
    }

    private static List<String> names(JsonNode variables) {
        return StreamSupport.stream(variables.spliterator(), false).map(v -> v.path("name").asText()).toList();
    }
}
