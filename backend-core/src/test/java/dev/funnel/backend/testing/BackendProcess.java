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

    /** @param environment what the installation's backends share ({@link TeamServers#environment}) */
    public BackendProcess(Path dataDir, Map<String, String> environment) {
        this.dataDir = dataDir;
        this.port = freePort();
        this.environment = new HashMap<>(environment);
        this.environment.putAll(Map.of(
                "FUNNEL_PORT", Integer.toString(port),
                "FUNNEL_HOST", "127.0.0.1",
                "FUNNEL_DATA_DIR", dataDir.toString()));
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
