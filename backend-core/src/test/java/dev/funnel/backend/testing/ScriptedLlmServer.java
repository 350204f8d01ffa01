package dev.funnel.backend.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.funnel.backend.pipeline.PipelineStep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An OpenAI-compatible chat completions server on loopback whose answers are scripted per pipeline
 * step. The step is recognised by the {@code Funnel pipeline step: <id>} line every prompt's
 * system section starts with, so tests drive the real langchain4j client over real HTTP. Its usage
 * counts are real token counts (OpenAI's o200k_base tokeniser), so traces and benchmarks are true to size.
 * It also answers {@code /v1/embeddings}, with vectors of the inputs' words (the remote embeddings' path).
 */
public final class ScriptedLlmServer implements AutoCloseable {

    /** One chat completion request as the server received it. {@code step} is null when unrecognised. */
    public record RecordedRequest(PipelineStep step, String system, String user, String model) {
    }

    private record Failure(int status, String body) {
    }

    /** The length of the vectors {@code /v1/embeddings} answers. */
    public static final int EMBEDDING_DIMENSIONS = 64;
    private static final Pattern STEP_LINE = Pattern.compile("Funnel pipeline step: *([A-Za-z_-]+)");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Encoding TOKENS = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.O200K_BASE);

    private final HttpServer server;
    private final Map<PipelineStep, List<String>> scripts = new EnumMap<>(PipelineStep.class);
    private final Map<PipelineStep, Function<RecordedRequest, String>> written = new EnumMap<>(PipelineStep.class);
    private final Map<PipelineStep, Integer> answered = new EnumMap<>(PipelineStep.class);
    private final Map<PipelineStep, Queue<Failure>> failures = new EnumMap<>(PipelineStep.class);
    private final List<RecordedRequest> requests = new ArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final AtomicInteger embeddingInputs = new AtomicInteger();
    private volatile java.time.Duration delay = java.time.Duration.ZERO;
    private volatile boolean roughTokenCounts;

    private ScriptedLlmServer(HttpServer server) {
        this.server = server;
    }

    public static ScriptedLlmServer start() {
        try {
            // the JDK server closes idle keep-alive connections beyond 200 at once, and a client that
            // reuses one gets no answer: with hundreds of turns in flight that is a test artefact
            System.setProperty("sun.net.httpserver.maxIdleConnections", "10000");
            HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1000);
            ScriptedLlmServer scripted = new ScriptedLlmServer(http);
            http.createContext("/", scripted::handle);
            // concurrent requests are answered concurrently, as a real model server does
            http.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
            http.start();
            return scripted;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the scripted LLM server", e);
        }
    }

    /** The OpenAI-style API root, e.g. {@code http://127.0.0.1:41234/v1}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** The message contents to answer {@code step} with, in order; the last one repeats. */
    public synchronized void script(PipelineStep step, String... jsonContents) {
        if (jsonContents.length == 0) {
            throw new IllegalArgumentException("script at least one answer for " + step.id());
        }
        scripts.put(step, List.of(jsonContents));
        answered.put(step, 0);
    }

    /** Answers {@code step} with what {@code answer} writes from each request (instead of a script). */
    public synchronized void answerWith(PipelineStep step, Function<RecordedRequest, String> answer) {
        written.put(step, answer);
    }

    /** The next request for {@code step} gets this HTTP error instead of its scripted answer. */
    public synchronized void failNext(PipelineStep step, int httpStatus, String body) {
        failures.computeIfAbsent(step, s -> new ArrayDeque<>()).add(new Failure(httpStatus, body));
    }

    /**
     * Usage counts from now on are characters ÷ 4 rather than the tokenizer's: a worker benchmark
     * measures the worker, and tokenizing every prompt here would take its CPU from the worker.
     */
    public void countTokensRoughly() {
        roughTokenCounts = true;
    }

    /** Every answer takes this long from now on, like a real model thinking (benchmarks). */
    public void delay(java.time.Duration delay) {
        this.delay = delay;
    }

    public synchronized List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (exchange.getRequestMethod().equals("POST") && exchange.getRequestURI().getPath()
                    .equals("/v1/embeddings")) {
                respond(exchange, 200, embeddings(JSON.readTree(exchange.getRequestBody())));
                return;
            }
            if (!exchange.getRequestMethod().equals("POST") || !exchange.getRequestURI().getPath()
                    .equals("/v1/chat/completions")) {
                respond(exchange, 404, error("ScriptedLlmServer only answers POST /v1/chat/completions and"
                        + " /v1/embeddings, not " + exchange.getRequestMethod() + " " + exchange.getRequestURI()));
                return;
            }
            try {
                JsonNode request = JSON.readTree(exchange.getRequestBody());
                String system = messageContent(request, "system");
                String user = messageContent(request, "user");
                int promptTokens = promptTokens(request);
                String model = request.path("model").asText();
                PipelineStep step = stepOf(system).orElse(null);
                Answer answer = answer(new RecordedRequest(step, system, user, model));
                if (!delay.isZero()) {
                    Thread.sleep(delay);
                }
                if (answer.status() != 200) {
                    respond(exchange, answer.status(), answer.body());
                } else {
                    respond(exchange, 200, completion(model, answer.body(), promptTokens));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                respond(exchange, 503, error("ScriptedLlmServer is stopping"));
            } catch (IOException | RuntimeException e) {
                // otherwise the JDK server drops the connection and the test sees a puzzling I/O error
                respond(exchange, 500, error("ScriptedLlmServer could not handle the request: " + e));
            }
        }
    }

    private record Answer(int status, String body) {
    }

    private synchronized Answer answer(RecordedRequest request) {
        requests.add(request);
        PipelineStep step = request.step();
        if (step == null) {
            return new Answer(500, error("ScriptedLlmServer: the system message has no 'Funnel pipeline step: <id>'"
                    + " line naming a known step"));
        }
        Failure failure = Optional.ofNullable(failures.get(step)).map(Queue::poll).orElse(null);
        if (failure != null) {
            return new Answer(failure.status(), failure.body());
        }
        if (written.containsKey(step)) {
            return new Answer(200, written.get(step).apply(request));
        }
        List<String> script = scripts.get(step);
        if (script == null) {
            return new Answer(500, error("ScriptedLlmServer: no answer scripted for step " + step.id()));
        }
        int index = answered.merge(step, 1, Integer::sum) - 1;
        return new Answer(200, script.get(Math.min(index, script.size() - 1)));
    }

    private static Optional<PipelineStep> stepOf(String system) {
        Matcher matcher = STEP_LINE.matcher(system);
        return matcher.find() ? PipelineStep.parse(matcher.group(1)) : Optional.empty();
    }

    /** Contents of all messages of a role, joined; OpenAI clients may send content as a string or parts. */
    private static String messageContent(JsonNode request, String role) {
        List<String> parts = new ArrayList<>();
        for (JsonNode message : request.path("messages")) {
            if (!message.path("role").asText().equals(role)) {
                continue;
            }
            JsonNode content = message.path("content");
            if (content.isArray()) {
                content.forEach(part -> parts.add(part.path("text").asText()));
            } else {
                parts.add(content.asText());
            }
        }
        return String.join("\n", parts);
    }

    /**
     * The prompt's tokens as OpenAI counts them for its gpt-4o family (o200k_base): every message's
     * text, plus 3 tokens of framing per message and 3 that prime the answer.
     */
    private int promptTokens(JsonNode request) {
        if (roughTokenCounts) {
            return request.path("messages").toString().length() / 4;
        }
        int tokens = 3;
        for (JsonNode message : request.path("messages")) {
            JsonNode content = message.path("content");
            String text = content.isArray() ? String.join("", content.findValuesAsText("text")) : content.asText();
            tokens += 3 + TOKENS.countTokensOrdinary(message.path("role").asText()) + TOKENS.countTokensOrdinary(text);
        }
        return tokens;
    }

    private String completion(String model, String content, int promptTokens) {
        int completionTokens = roughTokenCounts ? content.length() / 4 : TOKENS.countTokensOrdinary(content);
        ObjectNode body = JSON.createObjectNode()
                .put("id", "chatcmpl-scripted-" + ids.incrementAndGet())
                .put("object", "chat.completion")
                .put("created", Instant.now().getEpochSecond())
                .put("model", model);
        ObjectNode choice = body.putArray("choices").addObject().put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", content);
        choice.put("finish_reason", "stop");
        body.putObject("usage")
                .put("prompt_tokens", promptTokens)
                .put("completion_tokens", completionTokens)
                .put("total_tokens", promptTokens + completionTokens);
        return body.toString();
    }

    /**
     * OpenAI's embeddings answer: for each input, a bag of its words hashed into
     * {@link #EMBEDDING_DIMENSIONS} numbers, so texts sharing words are near each other.
     */
    private String embeddings(JsonNode request) {
        embeddingInputs.addAndGet(request.path("input").size());
        ObjectNode body = JSON.createObjectNode().put("object", "list").put("model", request.path("model").asText());
        var data = body.putArray("data");
        int tokens = 0;
        for (JsonNode input : request.path("input")) {
            float[] vector = new float[EMBEDDING_DIMENSIONS];
            for (String word : input.asText().toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
                if (!word.isEmpty()) {
                    vector[Math.floorMod(word.hashCode(), EMBEDDING_DIMENSIONS)] += 1;
                    tokens++;
                }
            }
            ObjectNode item = data.addObject().put("object", "embedding").put("index", data.size() - 1);
            var values = item.putArray("embedding");
            for (float v : vector) {
                values.add(v);
            }
        }
        body.putObject("usage").put("prompt_tokens", tokens).put("total_tokens", tokens);
        return body.toString();
    }

    /** How many texts the embeddings endpoint has embedded. */
    public int embeddedTexts() {
        return embeddingInputs.get();
    }

    private static String error(String message) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("error").put("message", message).put("type", "server_error");
        return body.toString();
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }
}
