package dev.funnel.backend.pipeline;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.output.TokenUsage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One JSON-mode chat call to an OpenAI-compatible server through langchain4j. Failures come out
 * as {@link PipelineException}s sorted into retriable and not.
 */
public final class LlmClient {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    // low: the steps classify and follow rules; creativity only hurts there
    private static final double TEMPERATURE = 0.3;

    private final ChatModel model;
    private final LlmSettings settings;
    private final Duration timeout;

    public LlmClient(LlmSettings settings) {
        this(settings, DEFAULT_TIMEOUT);
    }

    public LlmClient(LlmSettings settings, Duration timeout) {
        if (!settings.isConfigured()) {
            throw new IllegalArgumentException("the LLM is not configured: set LLM_BASE_URL and LLM_MODEL");
        }
        this.settings = settings;
        this.timeout = timeout;
        this.model = OpenAiChatModel.builder()
                .baseUrl(settings.baseUrl())
                // without a key langchain4j sends no Authorization header, which local servers expect
                .apiKey(settings.apiKey() == null || settings.apiKey().isBlank() ? null : settings.apiKey())
                .modelName(settings.model())
                .responseFormat("json_object")
                .temperature(TEMPERATURE)
                .timeout(timeout)
                // retrying is the worker's call (queue redelivery), not hidden inside one step
                .maxRetries(0)
                .build();
    }

    public LlmReply complete(RenderedPrompt prompt) {
        List<ChatMessage> messages = new ArrayList<>(List.of(SystemMessage.from(prompt.system()),
                UserMessage.from(prompt.user())));
        if (prompt.previousAnswer() != null) {
            messages.add(AiMessage.from(prompt.previousAnswer()));
            messages.add(UserMessage.from(prompt.correction()));
        }
        ChatRequest request = ChatRequest.builder().messages(messages).build();
        long started = System.nanoTime();
        ChatResponse response;
        try {
            response = model.chat(request);
        } catch (RuntimeException e) {
            throw LlmFailures.classify(e, settings.baseUrl(), timeout);
        }
        // rounded, not truncated: truncating under-reports every call by half a millisecond on average
        long latencyMs = Math.round((System.nanoTime() - started) / 1e6);

        AiMessage message = response.aiMessage();
        String text = message == null ? null : message.text();
        if (text == null || text.isBlank()) {
            throw new PipelineException("the model answered with no text (finish reason: "
                    + response.finishReason() + ")", false);
        }
        TokenUsage usage = response.tokenUsage();
        return new LlmReply(text, count(usage == null ? null : usage.inputTokenCount()),
                count(usage == null ? null : usage.outputTokenCount()), latencyMs);
    }

    private static int count(Integer tokens) {
        return tokens == null ? 0 : tokens;
    }
}
