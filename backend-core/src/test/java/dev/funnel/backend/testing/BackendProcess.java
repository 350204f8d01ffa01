package dev.funnel.backend.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * A headless backend as a real child process ({@code target/backend-core.jar}) of the team
 * installation: PostgreSQL, an SQS queue (ElasticMQ), a model and a Graph API on loopback. Its output
 * goes to {@code backend.log} in its data folder.
 */
public final class BackendProcess {

    private final Path dataDir;
    private final int port;
    private final Map<String, String> environment;
    private Process process;

    /** @param environment the team installation's settings ({@link #team}), to which this adds its folder and port */
    public BackendProcess(Path dataDir, Map<String, String> environment) {
        this.dataDir = dataDir;
        this.port = freePort();
        this.environment = new HashMap<>(environment);
        this.environment.putAll(Map.of(
                "FUNNEL_PORT", Integer.toString(port),
                "FUNNEL_HOST", "127.0.0.1",
                "FUNNEL_DATA_DIR", dataDir.toString()));
    }

    /** What every backend of one team installation shares. */
    public static Map<String, String> team(TestDatabases.DbUrl database, URI sqsEndpoint, String queueUrl,
                                           String appSecret, RecordingGraphServer graph, ScriptedLlmServer llm) {
        return Map.ofEntries(
                Map.entry("FUNNEL_DB_URL", database.url()),
                Map.entry("FUNNEL_DB_USER", database.user()),
                Map.entry("FUNNEL_DB_PASSWORD", database.password()),
                Map.entry("FUNNEL_JWT_SECRET", "team-jwt-secret-shared-by-every-backend"),
                Map.entry("FUNNEL_ENCRYPTION_KEY", "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"),
                Map.entry("FUNNEL_QUEUE", "sqs"),
                Map.entry("SQS_QUEUE_URL", queueUrl),
                Map.entry("SQS_ENDPOINT", sqsEndpoint.toString()),
                Map.entry("AWS_REGION", "us-east-1"),
                Map.entry("AWS_ACCESS_KEY_ID", "local"),
                Map.entry("AWS_SECRET_ACCESS_KEY", "local"),
                Map.entry("AWS_EC2_METADATA_DISABLED", "true"),
                Map.entry("WHATSAPP_APP_SECRET", appSecret),
                Map.entry("WHATSAPP_GRAPH_URL", graph.baseUrl().toString()),
                Map.entry("LLM_BASE_URL", llm.baseUrl()),
                Map.entry("LLM_API_KEY", "k"),
                Map.entry("LLM_MODEL", "scripted"),
                Map.entry("FUNNEL_DEBOUNCE_MS", "0"));
    }

    /** Starts the process and waits until it listens. */
    public BackendProcess launch() throws IOException {
        Path jar = Path.of("target", "backend-core.jar").toAbsolutePath();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("backend.log").toFile()));
        builder.environment().putAll(environment);
        process = builder.start();
        Waits.until("the backend to listen on " + port, Duration.ofSeconds(60), this::isListening);
        return this;
    }

    /** Kills the process at once (SIGKILL), as a crash would, and waits for it to be gone. */
    public void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly().waitFor();
        }
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    private boolean isListening() {
        if (!process.isAlive()) {
            throw new AssertionError("The backend exited with " + process.exitValue() + "; see "
                    + dataDir.resolve("backend.log"));
        }
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
