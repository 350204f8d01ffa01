package dev.funnel.console.bench;

import dev.funnel.backend.testing.ApiClient;
import dev.funnel.backend.testing.EventsClient;
import dev.funnel.backend.testing.LlmScripts;
import dev.funnel.backend.testing.RecordingGraphServer;
import dev.funnel.backend.testing.ScriptedLlmServer;
import dev.funnel.backend.testing.Webhooks;
import dev.funnel.console.common.MemoryPreferences;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;

/**
 * "Never freeze" (issue 6, point 5), printed as figures, never asserted: a data folder with one
 * organisation and 10,000 conversations; the console started in its own JVM as a returning person
 * starts it, from its installed jars: once to train the JVM's AOT cache, then several times with it
 * (cold start to a usable inbox); then 50 live events a second for 60 s, made by lead messages
 * through the console's embedded backend (webhook, queue, worker, scripted model, Graph API stand-in,
 * live events to the console over /ws) while the console records its FX pulse gaps and runLater
 * waits; resident memory of the console process (console and embedded backend in one JVM) throughout.
 * Run: {@code ./funnel bench console [coldStarts] [leads] [eventsPerSecond] [seconds]} (docs/benchmarks.md).
 */
public final class ConsoleBenchmark {

    /**
     * A lead message brings four live events: the message, the bot's reply, and a conversation update with
     * each (the load's figures print the events heard, which check it).
     */
    private static final int EVENTS_PER_LEAD_MESSAGE = 4;

    private ConsoleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int coldStarts = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int leads = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int eventsPerSecond = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 60;
        try (ScriptedLlmServer llm = ScriptedLlmServer.start(); RecordingGraphServer graph = RecordingGraphServer.start()) {
            LlmScripts.sendNow(llm, InboxSeed.REPLY);
            Path dataDir = Files.createTempDirectory("funnel-console-bench");
            Map<String, String> environment = new HashMap<>(InboxSeed.environment(dataDir.toString(), llm.baseUrl(),
                    graph.baseUrl().toString()));
            long seedStart = System.nanoTime();
            InboxSeed seed = InboxSeed.create(environment, leads);
            System.out.printf("seeded %,d conversations (lead, question, bot answer) in %.1f s%n",
                    leads, (System.nanoTime() - seedStart) / 1e9);

            int port = freePort();
            environment.put("FUNNEL_PORT", String.valueOf(port));
            // "usable" is the inbox's first page listed (200), not a live event's conversation arriving before it
            environment.put("BENCH_FIRST_PAGE", String.valueOf(Math.min(200, leads)));
            List<String> jvmOptions = jvmOptions();
            Path log = Path.of("target", "console-bench.log");
            Files.createDirectories(log.getParent());
            System.out.println("console JVM options: " + String.join(" ", jvmOptions));
            System.out.println("display: " + (System.getenv("DISPLAY") != null
                    ? "Glass GTK on DISPLAY " + System.getenv("DISPLAY") : "Monocle headless (no DISPLAY)")
                    + "; console log: " + log.toAbsolutePath());

            String classPath = consoleClassPath();
            Path aotCache = Path.of("target", "console-bench.aot");
            Files.deleteIfExists(aotCache);
            System.out.println("class path: the console's jar and libs/ as installed, and the benchmark's own classes");
            // the first start trains the JVM's AOT cache (JDK 25) as ./funnel console's first start does
            ConsoleProcess training = ConsoleProcess.start(with(jvmOptions, "-XX:AOTCacheOutput=" + aotCache),
                    classPath, environment, log, seed.email(), seed.password());
            double trainedInbox = training.await("MARK inbox", 180).seconds();
            training.await("MARK live", 120);
            // as on a business's first day with the console, leads write while it runs: their turns are recorded too
            leadsWrite(seed, graph, port, 20);
            long writing = System.nanoTime();
            training.close(300);
            System.out.printf("first start (training run, no AOT cache yet): inbox after %.2f s; the cache (%.0f MB)"
                            + " written at exit in %.1f s%n", trainedInbox, Files.size(aotCache) / 1e6,
                    (System.nanoTime() - writing) / 1e9);
            jvmOptions = with(jvmOptions, "-XX:AOTCache=" + aotCache);
            // for diagnosis of the measured starts only, e.g. a profiler agent that the training start's cache dump dislikes
            String measuredOnly = System.getProperty("bench.measuredOptions", "").strip();
            if (!measuredOnly.isEmpty()) {
                jvmOptions.addAll(Arrays.asList(measuredOnly.split("\\s+")));
            }

            List<Double> usable = new ArrayList<>();
            List<Double> cpu = new ArrayList<>();
            for (int run = 1; run <= coldStarts; run++) {
                ConsoleProcess console = ConsoleProcess.start(jvmOptions, classPath, environment, log, seed.email(),
                        seed.password());
                double window = console.await("MARK window", 120).seconds();
                double loginScreen = console.await("MARK login-screen", 120).seconds();
                ConsoleProcess.Line inbox = console.await("MARK inbox", 120);
                ConsoleProcess.Usage atInbox = console.usage();
                double live = console.await("MARK live", 120).seconds();
                if (run == 1) {
                    System.out.println("CPU by thread at the inbox: " + console.ask("threads", "THREADS")
                            .substring("THREADS ".length()));
                }
                usable.add(inbox.seconds());
                cpu.add(atInbox.cpuSeconds());
                System.out.printf("cold start %d: window %.2f s, sign-in screen (embedded backend up) %.2f s,"
                                + " inbox with %s conversations listed %.2f s (%.1f s of CPU), live %.2f s, RSS %.0f MB;"
                                + " %s%n", run, window, loginScreen, inbox.text().split(" ")[2], inbox.seconds(),
                        atInbox.cpuSeconds(), live, atInbox.rssMb(), loadAverage());
                if (run < coldStarts) {
                    console.close();
                } else {
                    underLoad(console, seed, graph, port, eventsPerSecond, seconds);
                }
            }
            System.out.printf("cold start to a usable inbox over %d runs: %s s (target <= 3 s); CPU time by then: %s s%n",
                    usable.size(), spread(usable), spread(cpu));
            deleteFolder(dataDir);
        }
        System.exit(0);
    }

    /** {@code count} lead messages through the console's embedded backend, then their replies awaited. */
    private static void leadsWrite(InboxSeed seed, RecordingGraphServer graph, int port, int count) throws Exception {
        URI webhook = URI.create("http://127.0.0.1:" + port + "/webhook");
        int repliesBefore = graph.sendCount();
        for (int i = 0; i < count; i++) {
            byte[] body = Webhooks.text(seed.phoneNumberId(), seed.phones().get(i), "wamid.training." + i,
                    Instant.now().getEpochSecond(), InboxSeed.QUESTIONS[i % InboxSeed.QUESTIONS.length]);
            if (Webhooks.postSigned(webhook, InboxSeed.APP_SECRET, body) != 200) {
                throw new IllegalStateException("the console's backend refused a lead message");
            }
        }
        long until = System.nanoTime() + 60_000_000_000L;
        while (graph.sendCount() - repliesBefore < count && System.nanoTime() < until) {
            Thread.sleep(50);
        }
    }

    /** "median 2.10, min 1.90, max 2.60" */
    private static String spread(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return "median %.2f, min %.2f, max %.2f".formatted(sorted[sorted.length / 2], sorted[0],
                sorted[sorted.length - 1]);
    }

    /** How busy the shared machine is: the benchmark's figures depend on it. */
    private static String loadAverage() throws IOException {
        String[] averages = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return "machine load average %s (1 min) on %d CPUs".formatted(averages[0],
                Runtime.getRuntime().availableProcessors());
    }

    /**
     * Live events at {@code eventsPerSecond} for {@code seconds}, as a console hears them on /ws: made by
     * lead messages through the real path (each brings the lead's message, the bot's reply and their
     * conversation updates), sent at an even pace of eventsPerSecond / 4 messages a second; a second
     * console connection counts the events heard. Pacing by the events heard so far ran away when the
     * console fell behind (fewer heard, so more sent). Four
     * in five messages come from leads already in the inbox (most far below the first page), one in
     * five from new leads.
     */
    private static void underLoad(ConsoleProcess console, InboxSeed seed, RecordingGraphServer graph, int port,
                                  int eventsPerSecond, int seconds) throws Exception {
        yieldToTheConsole();
        Thread.sleep(2000);
        ConsoleProcess.Usage idle = console.usage();
        console.ask("reset", "RESET");
        URI base = URI.create("http://127.0.0.1:" + port);
        URI webhook = base.resolve("/webhook");
        RandomGenerator random = RandomGenerator.of("L64X128MixRandom");
        AtomicInteger refused = new AtomicInteger();
        int repliesBefore = graph.sendCount();
        double maxRss = 0;
        ApiClient api = new ApiClient(base);
        api.logIn(seed.email(), seed.password());
        EventsClient liveEvents = new EventsClient(base, api.token());
        int total = 0;
        long start = System.nanoTime();
        long nextRssSample = start;
        try (ExecutorService posters = Executors.newVirtualThreadPerTaskExecutor()) {
            for (long now = start; now - start < seconds * 1_000_000_000L; now = System.nanoTime()) {
                double elapsed = (now - start) / 1e9;
                if (total * EVENTS_PER_LEAD_MESSAGE >= eventsPerSecond * elapsed) {
                    Thread.sleep(5);
                    continue;
                }
                int i = total++;
                String from = random.nextInt(5) == 0 ? "3362" + (1000000 + i)
                        : seed.phones().get(random.nextInt(seed.phones().size()));
                byte[] body = Webhooks.text(seed.phoneNumberId(), from, "wamid.load." + i,
                        Instant.now().getEpochSecond(),
                        InboxSeed.QUESTIONS[random.nextInt(InboxSeed.QUESTIONS.length)]);
                posters.submit(() -> {
                    if (Webhooks.postSigned(webhook, InboxSeed.APP_SECRET, body) != 200) {
                        refused.incrementAndGet();
                    }
                });
                if (now >= nextRssSample) {
                    maxRss = Math.max(maxRss, console.usage().rssMb());
                    nextRssSample = now + 1_000_000_000L;
                }
            }
        }
        double sent = (System.nanoTime() - start) / 1e9;
        int eventsWhileSending = liveEvents.events().size();
        long waitUntil = System.nanoTime() + 60_000_000_000L;
        while (graph.sendCount() - repliesBefore < total && System.nanoTime() < waitUntil) {
            Thread.sleep(100);
            maxRss = Math.max(maxRss, console.usage().rssMb());
        }
        double answered = (System.nanoTime() - start) / 1e9;
        String report = console.ask("report", "REPORT");
        String threads = console.ask("threads", "THREADS").substring("THREADS ".length());
        double cpuUnderLoad = console.usage().cpuSeconds() - idle.cpuSeconds();
        System.out.printf("load: %,d lead messages in %.1f s (%.1f a second, %d refused), %,d bot replies sent"
                        + " by %.1f s%n", total, sent, total / sent, refused.get(), graph.sendCount() - repliesBefore,
                answered);
        int events = liveEvents.events().size();
        liveEvents.close();
        System.out.printf("live events to each console: %,d while the messages came (%.1f a second; asked for %d),"
                + " %,d in all%n", eventsWhileSending, eventsWhileSending / sent, eventsPerSecond, events);
        System.out.println("FX thread under load (ms): " + report.substring("REPORT ".length())
                + " (target: no pulse gap over 50 ms)");
        System.out.printf("console process CPU during the load: %.1f s in %.1f s (%.0f%% of one CPU); %s%n",
                cpuUnderLoad, answered, 100 * cpuUnderLoad / answered, loadAverage());
        System.out.println("CPU by thread since the console started: " + threads);
        Thread.sleep(10_000);
        ConsoleProcess.Usage after = console.usage();
        System.out.printf("memory: RSS idle %.0f MB, max during load %.0f MB, 10 s after %.0f MB, peak (VmHWM) %.0f MB"
                + " (target <= 400 MB)%n", idle.rssMb(), maxRss, after.rssMb(), after.peakMb());
        console.close();
    }

    /**
     * For a person's console, Meta, the model provider and a colleague's console are other machines; here
     * they are this process (the stand-ins, the load's webhooks, the second connection), on the same two
     * CPUs. Before the load, every thread of this process goes to nice 19 (threads made later inherit it):
     * the outside world then takes the CPU time the console leaves, instead of competing with its window
     * at the same priority (docs/benchmarks.md). Linux's {@code renice}; where it is missing the load runs
     * as before, and says so.
     */
    private static void yieldToTheConsole() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("renice", "-n", "19", "-p"));
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            tasks.forEach(task -> command.add(task.getFileName().toString()));
        } catch (IOException e) {
            System.out.println("the benchmark's own threads keep the console's priority (no /proc/self/task)");
            return;
        }
        try {
            Process renice = new ProcessBuilder(command).redirectErrorStream(true).start();
            renice.getInputStream().transferTo(OutputStream.nullOutputStream());
            System.out.println("the benchmark's own threads (stand-ins, load, second connection): nice 19"
                    + (renice.waitFor() == 0 ? "" : " (renice failed for some)"));
        } catch (IOException e) {
            System.out.println("the benchmark's own threads keep the console's priority: " + e.getMessage());
        }
    }

    /** console-ui/console.jvmopts, as ./funnel console reads it, plus Monocle when there is no display. */
    static List<String> jvmOptions() throws IOException {
        Path file = Files.exists(Path.of("console.jvmopts")) ? Path.of("console.jvmopts")
                : Path.of("console-ui", "console.jvmopts");
        List<String> options = new ArrayList<>(Files.readAllLines(file).stream()
                .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList());
        // for diagnosis, e.g. -Dbench.consoleOptions="-XX:NativeMemoryTracking=summary -Xlog:gc:file=gc.log"
        String extra = System.getProperty("bench.consoleOptions", "").strip();
        if (!extra.isEmpty()) {
            options.addAll(Arrays.asList(extra.split("\\s+")));
        }
        if (System.getenv("DISPLAY") == null) {
            options.addAll(Arrays.asList("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw"));
        }
        return options;
    }

    private static List<String> with(List<String> options, String option) {
        List<String> all = new ArrayList<>(options);
        all.add(option);
        return all;
    }

    /**
     * The installed console's class path (target/funnel-console.jar, whose manifest lists libs/) and a
     * jar of this package's classes and the in-memory preferences it uses: an AOT cache needs jars, not folders.
     */
    private static String consoleClassPath() throws IOException {
        Path consoleJar = Path.of("target", "funnel-console.jar");
        if (!Files.exists(consoleJar)) {
            throw new IllegalStateException(consoleJar.toAbsolutePath() + " is missing: build first (./funnel build)");
        }
        Path classes = Path.of("target", "test-classes");
        Path benchJar = Path.of("target", "console-bench.jar");
        Path bench = classes.resolve(ConsoleBenchmark.class.getPackageName().replace('.', '/'));
        Path preferences = classes.resolve(MemoryPreferences.class.getName().replace('.', '/') + ".class");
        try (var jar = new JarOutputStream(Files.newOutputStream(benchJar));
             var files = Files.list(bench)) {
            for (Path file : Stream.concat(files, Stream.of(preferences)).toList()) {
                jar.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                jar.write(Files.readAllBytes(file));
                jar.closeEntry();
            }
        }
        return consoleJar + File.pathSeparator + benchJar;
    }

    private static void deleteFolder(Path folder) throws IOException {
        try (var files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
