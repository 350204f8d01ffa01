package dev.funnel.console.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One run of the console in its own JVM, as {@code ./funnel console} starts it (the JVM options of
 * {@code console-ui/console.jvmopts}), with {@link MeasuredConsole} making a person's clicks. Lines
 * it prints are timed on arrival, from just before the process was started.
 */
final class ConsoleProcess implements AutoCloseable {

    /** A line the console printed and how long after the process start it arrived. */
    record Line(String text, double seconds) {
    }

    private final Process process;
    private final long startedNanos;
    private final BlockingQueue<Line> lines = new LinkedBlockingQueue<>();
    private final PrintWriter commands;

    private ConsoleProcess(Process process, long startedNanos) {
        this.process = process;
        this.startedNanos = startedNanos;
        this.commands = new PrintWriter(process.outputWriter(StandardCharsets.UTF_8), true);
        Thread.ofPlatform().daemon().name("console-stdout").start(this::readLines);
    }

    static ConsoleProcess start(List<String> jvmOptions, String classPath, Map<String, String> environment, Path log,
                                String email, String password) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classPath, MeasuredConsole.class.getName(), email, password));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        long started = System.nanoTime();
        return new ConsoleProcess(builder.start(), started);
    }

    private void readLines() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                lines.add(new Line(line, (System.nanoTime() - startedNanos) / 1e9));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for the next line starting with {@code prefix}, skipping others (the log goes to stderr). */
    Line await(String prefix, int timeoutSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (true) {
            Line line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new IllegalStateException("The console printed no '" + prefix + "' within " + timeoutSeconds
                        + " s" + (process.isAlive() ? "" : " (it exited with " + process.exitValue() + ")")
                        + "; see its log");
            }
            if (line.text().startsWith(prefix)) {
                return line;
            }
        }
    }

    /** Sends a {@link MeasuredConsole} command and returns its answer line, e.g. "REPORT pulses=...". */
    String ask(String command, String answerPrefix) throws InterruptedException {
        commands.println(command);
        return await(answerPrefix, 30).text();
    }

    /** Resident memory now and at its peak, in MB, and CPU time so far, in s: from /proc (Linux). */
    Usage usage() throws IOException {
        Path proc = Path.of("/proc", String.valueOf(process.pid()));
        long rss = 0;
        long peak = 0;
        for (String line : Files.readAllLines(proc.resolve("status"))) {
            if (line.startsWith("VmRSS:")) {
                rss = kilobytes(line);
            } else if (line.startsWith("VmHWM:")) {
                peak = kilobytes(line);
            }
        }
        // utime and stime, the 14th and 15th fields, in clock ticks (100 a second on Linux); the name may hold spaces
        String stat = Files.readString(proc.resolve("stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        double cpu = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
        return new Usage(rss / 1024.0, peak / 1024.0, cpu);
    }

    record Usage(double rssMb, double peakMb, double cpuSeconds) {
    }

    private static long kilobytes(String statusLine) {
        return Long.parseLong(statusLine.replaceAll("[^0-9]", ""));
    }

    @Override
    public void close() throws InterruptedException {
        close(30);
    }

    /** Asks the console to quit and waits this long for its JVM to end (a training run then writes its AOT cache). */
    void close(int timeoutSeconds) throws InterruptedException {
        if (process.isAlive()) {
            commands.println("quit");
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
