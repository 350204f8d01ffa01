package dev.funnel.backend.pipeline;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One client (and connection pool) per model setting, shared by bot turns and follow-ups. */
public final class LlmClients {

    private final Duration timeout;
    private final Map<LlmSettings, LlmClient> clients = new ConcurrentHashMap<>();

    /** @param timeout how long one model call may take ({@code LLM_TIMEOUT_SECONDS}) */
    public LlmClients(Duration timeout) {
        this.timeout = timeout;
    }

    public LlmClient forSettings(LlmSettings settings) {
        return clients.computeIfAbsent(settings, s -> new LlmClient(s, timeout));
    }
}
