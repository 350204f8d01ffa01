package dev.funnel.backend;

import dev.funnel.backend.events.LiveEventsConfig;
import dev.funnel.backend.knowledge.KnowledgeConfig;
import dev.funnel.backend.pipeline.LlmSettings;
import dev.funnel.backend.security.LocalSecrets;
import dev.funnel.backend.trace.ModelPrices;
import dev.funnel.backend.whatsapp.Backoff;
import dev.funnel.backend.whatsapp.SendConfig;
import dev.funnel.backend.worker.WorkerConfig;
import dev.funnel.gateway.queue.SqsQueueConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the backend needs to start, read from environment variables. Secrets that are not
 * configured are generated once and kept in the data folder (solo mode needs no set-up).
 */
public record BackendConfig(
        String host,
        int port,
        Path dataDir,
        String dbUrl,
        String dbUser,
        String dbPassword,
        QueueKind queue,
        Optional<SqsQueueConfig> sqs,
        String appSecret,
        String verifyToken,
        String jwtSecret,
        String encryptionKey,
        URI graphUrl,
        SendConfig whatsappSend,
        LlmSettings llmDefaults,
        ModelPrices llmPrices,
        Duration tokenLifetime,
        WorkerConfig worker,
        LiveEventsConfig liveEvents,
        KnowledgeConfig knowledge) {

    public static final String DEFAULT_GRAPH_URL = "https://graph.facebook.com/v24.0";
    /** A refused send is tried at most this often, waiting no longer than the budget in all. */
    private static final int SEND_ATTEMPTS = 5;
    private static final Duration SEND_RETRY_BUDGET = Duration.ofSeconds(10);
    /** H2's page cache for a backend of its own; the console's built-in server uses less (EmbeddedBackend). */
    private static final int H2_CACHE_MB = 16;

    /** Where inbound webhook bodies wait for the worker. */
    public enum QueueKind { LOCAL, SQS }

    public static BackendConfig fromEnvironment(Map<String, String> env) {
        Path dataDir = Path.of(value(env, "FUNNEL_DATA_DIR").orElseGet(() -> defaultDataDir(
                System.getProperty("os.name", ""), System.getProperty("user.home"), env)));
        LocalSecrets secrets = LocalSecrets.open(dataDir);
        String dbUrl = value(env, "FUNNEL_DB_URL").orElseGet(() -> h2Url(dataDir.resolve("funnel"),
                (int) EnvNumbers.atLeastOne(env, "FUNNEL_H2_CACHE_MB", H2_CACHE_MB)));
        QueueKind queue = parseQueue(value(env, "FUNNEL_QUEUE").orElse("local"));
        if (!dbUrl.startsWith("jdbc:h2:")) {
            requireShared(env, "FUNNEL_JWT_SECRET", "FUNNEL_ENCRYPTION_KEY");
        }
        return new BackendConfig(
                value(env, "FUNNEL_HOST").orElse("0.0.0.0"),
                (int) EnvNumbers.wholeNumber(env, "FUNNEL_PORT", 8090),
                dataDir,
                dbUrl,
                value(env, "FUNNEL_DB_USER").orElse(dbUrl.startsWith("jdbc:h2:") ? "sa" : null),
                value(env, "FUNNEL_DB_PASSWORD").orElse(dbUrl.startsWith("jdbc:h2:") ? "" : null),
                queue,
                queue == QueueKind.SQS ? Optional.of(SqsQueueConfig.fromEnvironment(env)) : Optional.empty(),
                value(env, "WHATSAPP_APP_SECRET").orElseGet(() -> secrets.getOrCreate("whatsapp_app_secret")),
                value(env, "WHATSAPP_VERIFY_TOKEN").orElseGet(() -> secrets.getOrCreate("whatsapp_verify_token")),
                value(env, "FUNNEL_JWT_SECRET").orElseGet(() -> secrets.getOrCreate("jwt_secret")),
                value(env, "FUNNEL_ENCRYPTION_KEY").orElseGet(() -> secrets.getOrCreate("encryption_key")),
                URI.create(stripSlash(value(env, "WHATSAPP_GRAPH_URL").orElse(DEFAULT_GRAPH_URL))),
                new SendConfig((int) EnvNumbers.atLeastOne(env, "WHATSAPP_MESSAGES_PER_SECOND", 80),
                        new Backoff(SEND_ATTEMPTS, Duration.ofMillis(
                                EnvNumbers.wholeNumber(env, "WHATSAPP_RETRY_DELAY_MS", 500)), SEND_RETRY_BUDGET)),
                new LlmSettings(value(env, "LLM_BASE_URL").orElse(null), value(env, "LLM_API_KEY").orElse(null),
                        value(env, "LLM_MODEL").orElse(null)),
                ModelPrices.parse(value(env, "LLM_PRICES").orElse("")),
                Duration.ofHours(EnvNumbers.atLeastOne(env, "FUNNEL_TOKEN_HOURS", 12)),
                WorkerConfig.fromEnvironment(env),
                new LiveEventsConfig(
                        Duration.ofMillis(EnvNumbers.atLeastOne(env, "FUNNEL_WS_HEARTBEAT_MS",
                                LiveEventsConfig.DEFAULTS.heartbeat().toMillis())),
                        Duration.ofHours(EnvNumbers.atLeastOne(env, "FUNNEL_EVENTS_RETENTION_HOURS",
                                LiveEventsConfig.DEFAULTS.retention().toHours()))),
                KnowledgeConfig.fromEnvironment(env));
    }

    /** The same configuration bound to another interface (the console binds its embedded backend to loopback). */
    public BackendConfig withHost(String newHost) {
        return new BackendConfig(newHost, port, dataDir, dbUrl, dbUser, dbPassword, queue, sqs, appSecret,
                verifyToken, jwtSecret, encryptionKey, graphUrl, whatsappSend, llmDefaults, llmPrices, tokenLifetime,
                worker, liveEvents, knowledge);
    }

    public BackendConfig withPort(int newPort) {
        return new BackendConfig(host, newPort, dataDir, dbUrl, dbUser, dbPassword, queue, sqs, appSecret,
                verifyToken, jwtSecret, encryptionKey, graphUrl, whatsappSend, llmDefaults, llmPrices, tokenLifetime,
                worker, liveEvents, knowledge);
    }

    /**
     * H2 in PostgreSQL mode, sorting nulls last as PostgreSQL does, with H2's usual 16 MB page cache. Its
     * file is read and written through {@code async:} (an AsynchronousFileChannel): with H2's usual
     * FileChannel, a thread interrupted while it reads or writes (the backend's stop interrupts its turns)
     * closes the file for every thread, and the store was then seen corrupt or spinning for good
     * (InterruptedThreadsTest). The file is the same either way.
     */
    public static String h2Url(Path file) {
        return h2Url(file, H2_CACHE_MB);
    }

    /** As {@link #h2Url(Path)} with a page cache of {@code cacheMb}. */
    public static String h2Url(Path file, int cacheMb) {
        return "jdbc:h2:async:" + file.toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=FALSE;CACHE_SIZE="
                + cacheMb * 1024;
    }

    /** The user's data folder, as each desktop OS expects it (the installed console keeps its database there). */
    static String defaultDataDir(String osName, String home, Map<String, String> env) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            return Path.of(value(env, "APPDATA").orElse(home), "Funnel").toString();
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Application Support", "Funnel").toString();
        }
        return Path.of(value(env, "XDG_DATA_HOME").orElseGet(() -> Path.of(home, ".local", "share").toString()),
                "funnel").toString();
    }

    /**
     * Backends sharing a database must share the secrets that sign sessions and seal stored tokens: one
     * generated per backend would leave each unable to read what the others wrote.
     */
    private static void requireShared(Map<String, String> env, String... names) {
        List<String> missing = Arrays.stream(names).filter(name -> value(env, name).isEmpty()).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("A backend on a shared database (FUNNEL_DB_URL) needs "
                    + String.join(" and ", missing) + " set, the same on every backend (see the README's"
                    + " configuration table)");
        }
    }

    private static QueueKind parseQueue(String raw) {
        return switch (raw.trim().toLowerCase(Locale.ROOT)) {
            case "local" -> QueueKind.LOCAL;
            case "sqs" -> QueueKind.SQS;
            default -> throw new IllegalArgumentException("FUNNEL_QUEUE must be 'local' or 'sqs', not '" + raw + "'");
        };
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::trim).filter(v -> !v.isEmpty());
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @Override
    public String toString() {
        return "BackendConfig[host=" + host + ", port=" + port + ", dataDir=" + dataDir + ", db="
                + dbUrl.replaceAll("password=[^;&]*", "password=***") + ", queue=" + queue + ", graphUrl=" + graphUrl
                + "]";
    }
}
