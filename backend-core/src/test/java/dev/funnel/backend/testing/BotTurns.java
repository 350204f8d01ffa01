package dev.funnel.backend.testing;

import dev.funnel.backend.RunningBackend;
import java.time.Duration;

/** Organisations whose bot answers simulated leads with the scripted model. */
public final class BotTurns {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private BotTurns() {
    }

    /** A signed-up organisation whose bot uses {@code model} on the scripted server. */
    public static ApiClient organisationUsing(RunningBackend backend, ScriptedLlmServer llm, String model,
                                              String email) {
        ApiClient api = new ApiClient(backend.baseUri());
        api.signUp(email.substring(0, email.indexOf('@')) + " Ltd", email);
        api.put("/settings/llm", "{\"base_url\":\"%s\",\"model\":\"%s\"}".formatted(llm.baseUrl(), model));
        return api;
    }

    /**
     * A simulated lead writes and the bot answers "Thanks for asking!"; returns the organisation's
     * only conversation once the answer is stored and the first follow-up after it scheduled.
     */
    public static String converse(ApiClient api, ScriptedLlmServer llm, String phone, String text) {
        LlmScripts.sendNow(llm, "Thanks for asking!");
        api.post("/debug/simulate", "{\"from_phone\":\"%s\",\"text\":\"%s\"}".formatted(phone, text));
        Waits.until("the bot's turn", WAIT, () -> api.get("/conversations").body().size() == 1
                && api.get("/conversations/" + api.get("/conversations").body().get(0).path("id").asText()
                + "/messages").body().size() == 2);
        String conversation = api.get("/conversations").body().get(0).path("id").asText();
        Waits.until("the first follow-up", WAIT,
                () -> !api.get("/conversations/" + conversation + "/followups").body().isEmpty());
        return conversation;
    }
}
