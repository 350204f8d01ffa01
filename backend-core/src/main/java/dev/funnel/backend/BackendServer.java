package dev.funnel.backend;

import dev.funnel.backend.audit.AuditService;
import dev.funnel.backend.analytics.AnalyticsService;
import dev.funnel.backend.analytics.DashboardService;
import dev.funnel.backend.auth.AuthService;
import dev.funnel.backend.auth.PasswordHasher;
import dev.funnel.backend.auth.Tokens;
import dev.funnel.backend.auth.UserRepository;
import dev.funnel.backend.conversations.ConversationEvents;
import dev.funnel.backend.conversations.ConversationsService;
import dev.funnel.backend.conversations.MessagesService;
import dev.funnel.backend.copilot.CopilotService;
import dev.funnel.backend.ctas.CtasService;
import dev.funnel.backend.db.DataAccessException;
import dev.funnel.backend.db.Db;
import dev.funnel.backend.debug.SimulatorService;
import dev.funnel.backend.events.EventBus;
import dev.funnel.backend.events.EventsSocket;
import dev.funnel.backend.followups.FollowupPlanner;
import dev.funnel.backend.followups.FollowupRunner;
import dev.funnel.backend.followups.FollowupScheduler;
import dev.funnel.backend.followups.FollowupsService;
import dev.funnel.backend.http.ApiException;
import dev.funnel.backend.http.Json;
import dev.funnel.backend.knowledge.Embedder;
import dev.funnel.backend.knowledge.KnowledgeBase;
import dev.funnel.backend.knowledge.KnowledgeService;
import dev.funnel.backend.leads.LeadsService;
import dev.funnel.backend.media.MediaCache;
import dev.funnel.backend.media.MediaService;
import dev.funnel.backend.metrics.BackendMetrics;
import dev.funnel.backend.organisations.OrganisationsService;
import dev.funnel.backend.openapi.OpenApiService;
import dev.funnel.backend.openapi.RecordingRules;
import dev.funnel.backend.openapi.RegisteredRoutes;
import dev.funnel.backend.pipeline.LlmClients;
import dev.funnel.backend.pipeline.PromptLibrary;
import dev.funnel.backend.prompts.OrganisationPrompts;
import dev.funnel.backend.prompts.PromptsService;
import dev.funnel.backend.queue.LocalQueue;
import dev.funnel.backend.queue.QueueConsumer;
import dev.funnel.backend.queue.SqsQueueConsumer;
import dev.funnel.backend.security.TokenCipher;
import dev.funnel.backend.settings.LlmSettingsService;
import dev.funnel.backend.settings.WhatsAppSettingsService;
import dev.funnel.backend.templates.TemplatesService;
import dev.funnel.backend.trace.DryRuns;
import dev.funnel.backend.trace.ReplayService;
import dev.funnel.backend.trace.TraceRepository;
import dev.funnel.backend.trace.TraceService;
import dev.funnel.backend.users.UsersService;
import dev.funnel.backend.whatsapp.GraphApiClient;
import dev.funnel.backend.whatsapp.GraphTemplates;
import dev.funnel.backend.whatsapp.OutboundSender;
import dev.funnel.backend.whatsapp.WhatsAppApiException;
import dev.funnel.backend.worker.Ingestor;
import dev.funnel.backend.worker.RejectedWebhooksService;
import dev.funnel.backend.worker.Rejections;
import dev.funnel.backend.worker.TurnProcessor;
import dev.funnel.backend.worker.TurnScheduler;
import dev.funnel.backend.worker.Worker;
import dev.funnel.backend.worker.WorkerConfig;
import dev.funnel.gateway.GatewayMetrics;
import dev.funnel.gateway.HealthService;
import dev.funnel.gateway.MetricsService;
import dev.funnel.gateway.SignatureVerifier;
import dev.funnel.gateway.WebhookService;
import dev.funnel.gateway.queue.InboundQueue;
import dev.funnel.gateway.queue.SqsClients;
import dev.funnel.gateway.queue.SqsInboundQueue;
import dev.funnel.gateway.queue.SqsQueueConfig;
import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.websocket.WsRouting;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Starts the backend: database, queue, worker, REST API, WebSocket events and the webhook routes.
 * The console starts it in-process; {@link BackendMain} starts it headless.
 */
public final class BackendServer {

    private static final Logger LOG = Logger.getLogger(BackendServer.class.getName());

    /** Downloaded media kept on disk; older files make room for new ones. */
    private static final long MEDIA_CACHE_BYTES = 512L * 1024 * 1024;

    private BackendServer() {
    }

    public static RunningBackend start(BackendConfig config) {
        return start(config, Clock.systemUTC());
    }

    public static RunningBackend start(BackendConfig config, Clock clock) {
        Db db = Db.open(config.dbUrl(), config.dbUser(), config.dbPassword());
        List<AutoCloseable> resources = new ArrayList<>();
        try {
            UserRepository users = new UserRepository();
            Tokens tokens = new Tokens(config.jwtSecret(), config.tokenLifetime(), clock,
                    signed -> db.inTransaction(tx -> users.current(tx, signed)));
            PasswordHasher hasher = new PasswordHasher();
            TokenCipher cipher = new TokenCipher(config.encryptionKey());
            EventBus bus = new EventBus(db, clock, config.liveEvents().retention());
            resources.add(bus);
            bus.start();
            ConversationEvents events = new ConversationEvents(bus);
            GraphApiClient graph = new GraphApiClient(config.graphUrl(), config.whatsappSend());
            OutboundSender sender = new OutboundSender(db, graph, cipher, events, clock);
            LlmSettingsService llm = new LlmSettingsService(db, tokens, cipher, config.llmDefaults(), clock);
            SignatureVerifier signer = new SignatureVerifier(config.appSecret());
            OrganisationPrompts prompts = new OrganisationPrompts(db, PromptLibrary.defaults());
            TraceRepository traces = new TraceRepository(config.llmPrices());
            LlmClients llmClients = new LlmClients(config.worker().llmTimeout());
            KnowledgeBase knowledge = new KnowledgeBase(db, Embedder.create(config.knowledge()), bus, clock);
            resources.addFirst(knowledge);
            DryRuns dryRuns = new DryRuns(llm, llmClients, config.llmPrices(), knowledge);

            InboundQueue inbound;
            QueueConsumer consumer;
            if (config.queue() == BackendConfig.QueueKind.SQS) {
                SqsQueueConfig sqsConfig = config.sqs().orElseThrow();
                SqsClient sqs = SqsClients.create(sqsConfig, Duration.ofSeconds(30));
                resources.add(sqs);
                inbound = new SqsInboundQueue(sqs, sqsConfig.queueUrl());
                consumer = new SqsQueueConsumer(sqs, sqsConfig.queueUrl(), config.worker().visibility());
            } else {
                LocalQueue local = new LocalQueue(db, clock, config.worker().visibility());
                inbound = local;
                consumer = local;
            }

            GatewayMetrics metrics = BackendMetrics.create(db, bus, config.queue() == BackendConfig.QueueKind.LOCAL,
                    clock);
            AtomicReference<URI> self = new AtomicReference<>();
            RegisteredRoutes routes = new RegisteredRoutes();
            WebServer server = WebServer.builder()
                    .host(config.host())
                    .port(config.port())
                    .routing(routing -> {
                        RecordingRules.around(routing, routes)
                                .register("/", new WebhookService(config.appSecret(), config.verifyToken(), inbound,
                                        metrics))
                                .register("/", new HealthService(inbound))
                                .register("/", new MetricsService(metrics))
                                .register("/", new OpenApiService())
                                .register("/auth", new AuthService(db, tokens, hasher, clock))
                                .register("/users", new UsersService(db, tokens, hasher, clock))
                                .register("/organisation", new OrganisationsService(db, tokens, clock))
                                .register("/audit-log", new AuditService(db, tokens))
                                .register("/conversations", new ConversationsService(db, tokens, events, clock))
                                .register("/conversations", new TraceService(db, tokens, traces))
                                .register("/conversations", new ReplayService(db, tokens, traces, dryRuns, prompts,
                                        clock))
                                .register("/conversations", new CopilotService(db, tokens, dryRuns, prompts, clock))
                                .register("/leads", new LeadsService(db, tokens, events, clock))
                                .register("/dashboard", new DashboardService(db, tokens, clock))
                                .register("/analytics", new AnalyticsService(db, tokens, clock))
                                .register("/", new FollowupsService(db, tokens, clock))
                                .register("/messages", new MessagesService(db, tokens, sender, clock))
                                .register("/settings/whatsapp", new WhatsAppSettingsService(db, tokens, cipher, graph,
                                        config.verifyToken(), clock))
                                .register("/settings/llm", llm)
                                .register("/ctas", new CtasService(db, tokens, clock))
                                .register("/templates", new TemplatesService(db, tokens, cipher,
                                        new GraphTemplates(graph), clock))
                                .register("/prompts", new PromptsService(db, tokens, prompts, clock))
                                .register("/debug", new SimulatorService(db, tokens, signer, self::get, clock))
                                .register("/webhooks", new RejectedWebhooksService(db, tokens))
                                .register("/media", new MediaService(db, tokens, graph, cipher,
                                        new MediaCache(config.dataDir().resolve("media-cache"), MEDIA_CACHE_BYTES)))
                                .register("/knowledge", new KnowledgeService(tokens, knowledge));
                        errors(routing);
                    })
                    .addRouting(WsRouting.builder().endpoint(routes.webSocket("/ws"),
                            () -> new EventsSocket(tokens, bus, config.liveEvents().heartbeat())))
                    .build()
                    .start();
            self.set(URI.create("http://127.0.0.1:" + server.port()));

            WorkerConfig workerConfig = config.worker();
            FollowupPlanner followups = new FollowupPlanner(db, traces, clock);
            TurnProcessor processor = new TurnProcessor(db, llm, workerConfig, llmClients, prompts, traces, sender,
                    events, followups, knowledge, clock);
            TurnScheduler turns = new TurnScheduler(workerConfig.debounce(), workerConfig.maxParallelTurns(),
                    processor::runTurn);
            Rejections rejections = new Rejections(db);
            Worker worker = new Worker(consumer, new Ingestor(db, events, rejections, clock), rejections, turns,
                    processor, workerConfig, clock);
            resources.addFirst(worker);
            worker.start();
            knowledge.start();
            FollowupScheduler scheduler = new FollowupScheduler(db,
                    new FollowupRunner(db, llm, llmClients, prompts, traces, sender, events,
                            followups, clock),
                    workerConfig.followupPoll(), clock);
            resources.addFirst(scheduler);
            scheduler.start();
            LOG.info(() -> "Funnel backend listening on " + config.host() + ":" + server.port() + " with "
                    + config.queue().name().toLowerCase() + " queue");
            return new RunningBackend(server, db, resources, routes.list());
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** Meta said no to what was asked (bad token, bad template...), as opposed to failing or being unreachable. */
    private static boolean refusedByMeta(WhatsAppApiException e) {
        return e.httpStatus() >= 400 && e.httpStatus() < 500 && e.kind() != WhatsAppApiException.Kind.RETRIABLE;
    }

    /** One place where exceptions become JSON error bodies; nothing leaks a stack trace. */
    private static void errors(HttpRouting.Builder routing) {
        routing.error(ApiException.class, (req, res, e) -> Json.error(res, e.status(), e.getMessage(), e.fields()))
                .error(WhatsAppApiException.class, (req, res, e) -> {
                    LOG.log(Level.INFO, "Graph API refused a call on " + req.path().path() + ": " + e.getMessage());
                    Json.error(res, refusedByMeta(e) ? Status.BAD_REQUEST_400 : Status.BAD_GATEWAY_502,
                            (refusedByMeta(e) ? "Meta refused the request: " : "Meta's WhatsApp API failed: ")
                                    + e.title() + (e.code() == null ? "" : " (Meta error " + e.code() + ")"));
                })
                .error(DataAccessException.class, (req, res, e) -> {
                    LOG.log(Level.SEVERE, "Database error on " + req.path().path(), e);
                    Json.error(res, Status.INTERNAL_SERVER_ERROR_500, "A database error occurred; try again");
                })
                .error(RuntimeException.class, (req, res, e) -> {
                    LOG.log(Level.SEVERE, "Unexpected error on " + req.path().path(), e);
                    Json.error(res, Status.INTERNAL_SERVER_ERROR_500, "Unexpected server error");
                });
    }
}
