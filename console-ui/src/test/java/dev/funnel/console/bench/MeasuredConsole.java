package dev.funnel.console.bench;

import dev.funnel.console.ConsoleApp;
import dev.funnel.console.backend.BackendLauncher;
import dev.funnel.console.common.ConsolePreferences;
import dev.funnel.console.common.MemoryPreferences;
import dev.funnel.console.common.ServerChoice;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The console as a returning person starts it (the built-in server chosen on an earlier start, then
 * sign in), run in its own JVM by {@link ConsoleBenchmark}. A person's clicks are made the moment each screen is ready, and each
 * milestone is printed as {@code MARK <name> <epoch ms>}: the parent measures from its process
 * start. It then answers {@code reset}, {@code report} and {@code quit} on standard input with
 * figures from its {@link PulseMeter}.
 */
public final class MeasuredConsole {

    private static final int POLL_MS = 5;

    private MeasuredConsole() {
    }

    public static void main(String[] args) throws Exception {
        String email = args[0];
        String password = args[1];
        PulseMeter meter = new PulseMeter();
        // a returning person: "This computer" was chosen on an earlier start, so the console goes back to it
        ConsolePreferences preferences = new ConsolePreferences(new MemoryPreferences());
        preferences.rememberServer(new ServerChoice(ServerChoice.Mode.EMBEDDED, ""));
        ConsoleApp app = new ConsoleApp(preferences, BackendLauncher.findEmbedded(), System.getenv());
        Platform.startup(() -> {
            app.start(new Stage());
            meter.start();
        });
        mark("window");

        Button login = await(() -> lookup("#loginButton") instanceof Button b ? b : null);
        mark("login-screen");
        onFx(() -> {
            ((TextInputControl) lookup("#email")).setText(email);
            ((TextInputControl) lookup("#password")).setText(password);
            login.fire();
            return null;
        });
        int firstPage = Integer.parseInt(System.getenv().getOrDefault("BENCH_FIRST_PAGE", "1"));
        int shown = await(() -> lookup("#conversationList") instanceof ListView<?> list
                && list.getItems().size() >= firstPage ? list.getItems().size() : null);
        mark("inbox " + shown);
        await(() -> lookup("#connectionStatus") instanceof Label status && "Live".equals(status.getText()) ? true : null);
        mark("live");

        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String command = commands.readLine(); command != null; command = commands.readLine()) {
            switch (command.strip()) {
                case "reset" -> {
                    meter.reset();
                    System.out.println("RESET");
                }
                case "threads" -> System.out.println("THREADS " + threadCpu());
                case "report" -> {
                    int listed = onFx(() -> lookup("#conversationList") instanceof ListView<?> list
                            ? list.getItems().size() : -1);
                    System.out.println("REPORT " + meter.report() + " listed=" + listed);
                }
                case "quit" -> {
                    onFx(() -> {
                        app.stop();
                        return null;
                    });
                    System.out.println("BYE");
                    System.exit(0);
                }
                default -> System.out.println("UNKNOWN " + command);
            }
        }
        System.exit(0);
    }

    /** CPU time so far of this JVM's threads, busiest first, from /proc (Linux): "C1 CompilerThre=2.10 s, ...". */
    private static String threadCpu() throws IOException {
        Map<String, Double> byName = new HashMap<>();
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (var task : tasks.toList()) {
                try {
                    String name = Files.readString(task.resolve("comm")).strip().replaceAll("[-#]?\\d+$", "");
                    String stat = Files.readString(task.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    byName.merge(name, (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0, Double::sum);
                } catch (IOException ended) {
                    // the thread ended while we read
                }
            }
        }
        return byName.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(12).map(e -> "%s=%.2f s".formatted(e.getKey(), e.getValue()))
                .collect(Collectors.joining(", "));
    }

    private static void mark(String milestone) {
        System.out.println("MARK " + milestone + " " + System.currentTimeMillis());
    }

    /** The node with this CSS selector in the console's window, or null; on the FX thread. */
    private static Node lookup(String selector) {
        for (Window window : Window.getWindows()) {
            Scene scene = window.getScene();
            Node found = scene == null ? null : scene.lookup(selector);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** Asks the FX thread every few milliseconds until {@code probe} gives a value. */
    private static <T> T await(Supplier<T> probe) throws InterruptedException, ExecutionException {
        while (true) {
            T value = onFx(probe);
            if (value != null) {
                return value;
            }
            Thread.sleep(POLL_MS);
        }
    }

    private static <T> T onFx(Supplier<T> work) throws InterruptedException, ExecutionException {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result.get();
    }
}
