package dev.funnel.console.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import javafx.application.Platform;

/**
 * Watches the FX thread from inside the console: an {@link AnimationTimer} keeps pulses coming
 * (60 a second) and records the gap between consecutive ones, so any work that holds the FX thread
 * shows up as a long gap; a ping every 20 ms measures how long a {@link Platform#runLater} waits.
 * Each gap over 50 ms is printed to the console's log with what it was made of: the FX thread's own
 * CPU, its wait for a CPU (Linux schedstat), the renderer's, and the collector's pauses.
 */
final class PulseMeter {

    private static final long LONG_GAP = 50_000_000L;

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Samples pulseGaps = new Samples();
    private final Samples pings = new Samples();
    private final Samples gcPauses = new Samples();
    /** For each gap over 50 ms: the FX thread's own CPU time in it (work on the FX thread, not waiting for a CPU). */
    private final Samples longGapFxCpu = new Samples();
    /** For each gap over 50 ms: the collector's pauses in it, and the renderer thread's CPU time in it. */
    private final Samples longGapGc = new Samples();
    private final Samples longGapRendererCpu = new Samples();
    /** For each gap over 50 ms: how long the FX thread and the renderer were runnable but waited for a CPU. */
    private final Samples longGapFxRunWait = new Samples();
    private final Samples longGapRendererRunWait = new Samples();
    private Schedstat fxSchedstat = Schedstat.NONE;
    private Schedstat rendererSchedstat = Schedstat.NONE;
    private GarbageCollectorMXBean[] pausingCollectors = {};
    private final ScheduledExecutorService pinger = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "pulse-meter-ping");
        thread.setDaemon(true);
        return thread;
    });
    private final AnimationTimer timer = new AnimationTimer() {
        private long last;
        private long lastCpu;
        private long lastGc;
        private long lastRenderer;
        private long lastFxWait;
        private long lastRendererWait;

        @Override
        public void handle(long now) {
            // cheap reads only: this runs on the FX thread at every pulse
            long cpu = threads.getCurrentThreadCpuTime();
            long gc = 0;
            for (GarbageCollectorMXBean collector : pausingCollectors) {
                gc += collector.getCollectionTime() * 1_000_000L;
            }
            fxSchedstat.read();
            rendererSchedstat.read();
            long renderer = rendererSchedstat.cpu;
            long fxWait = fxSchedstat.wait;
            long rendererWait = rendererSchedstat.wait;
            if (last != 0) {
                pulseGaps.add(now - last);
                if (now - last > LONG_GAP) {
                    longGapFxCpu.add(cpu - lastCpu);
                    longGapGc.add(gc - lastGc);
                    longGapRendererCpu.add(renderer - lastRenderer);
                    longGapFxRunWait.add(fxWait - lastFxWait);
                    longGapRendererRunWait.add(rendererWait - lastRendererWait);
                    System.err.printf("GAP at %d ms: %.1f ms; fx cpu %.1f wait %.1f; renderer cpu %.1f wait %.1f; gc %.1f%n",
                            ManagementFactory.getRuntimeMXBean().getUptime(), (now - last) / 1e6, (cpu - lastCpu) / 1e6,
                            (fxWait - lastFxWait) / 1e6, (renderer - lastRenderer) / 1e6,
                            (rendererWait - lastRendererWait) / 1e6, (gc - lastGc) / 1e6);
                }
            }
            last = now;
            lastCpu = cpu;
            lastGc = gc;
            lastRenderer = renderer;
            lastFxWait = fxWait;
            lastRendererWait = rendererWait;
        }
    };

    private long fxThreadId;
    private long resetNanos;
    private long resetFxCpuNanos;

    /** Call on the FX thread. */
    void start() {
        // G1's "Concurrent GC" and ZGC's "Cycles" report work beside the application, not pauses
        pausingCollectors = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .filter(bean -> !bean.getName().contains("Concurrent") && !bean.getName().contains("Cycles"))
                .toArray(GarbageCollectorMXBean[]::new);
        for (GarbageCollectorMXBean collector : pausingCollectors) {
            ((NotificationEmitter) collector).addNotificationListener((notification, handback) -> {
                if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                    long pause = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData())
                            .getGcInfo().getDuration() * 1_000_000L;
                    gcPauses.add(pause);
                }
            }, null, null);
        }
        fxThreadId = Thread.currentThread().threadId();
        fxSchedstat = Schedstat.of("JavaFX Applicat");
        rendererSchedstat = Schedstat.of("QuantumRenderer");
        reset();
        timer.start();
        pinger.scheduleAtFixedRate(() -> {
            long posted = System.nanoTime();
            Platform.runLater(() -> pings.add(System.nanoTime() - posted));
        }, 20, 20, TimeUnit.MILLISECONDS);
    }

    synchronized void reset() {
        pulseGaps.clear();
        pings.clear();
        gcPauses.clear();
        longGapFxCpu.clear();
        longGapGc.clear();
        longGapRendererCpu.clear();
        longGapFxRunWait.clear();
        longGapRendererRunWait.clear();
        resetNanos = System.nanoTime();
        resetFxCpuNanos = threads.getThreadCpuTime(fxThreadId);
    }

    /**
     * "pulses=3590 gap_p50=16.7 gap_p99=33.4 gap_max=41.2 over50=0 fx_cpu_in_them_p50=NaN fx_cpu_in_them_max=NaN ping_p50=0.3 ping_p99=8.1 ping_max=30.2
     * fx_busy=4.1% gc_pauses=12 gc_max=9 gc_total=60" (ms; fx_busy is the share of wall time the FX thread
     * spent on a CPU since the reset; the collector's pauses stop the FX thread too).
     */
    synchronized String report() {
        double fxBusy = 100.0 * (threads.getThreadCpuTime(fxThreadId) - resetFxCpuNanos) / (System.nanoTime() - resetNanos);
        long[] gaps = pulseGaps.sorted();
        long[] waits = pings.sorted();
        long[] pauses = gcPauses.sorted();
        long[] fxCpuInLongGaps = longGapFxCpu.sorted();
        long[] gcInLongGaps = longGapGc.sorted();
        long[] rendererInLongGaps = longGapRendererCpu.sorted();
        long withGc = Arrays.stream(gcInLongGaps).filter(nanos -> nanos >= 10_000_000L).count();
        return ("pulses=%d gap_p50=%.1f gap_p99=%.1f gap_max=%.1f over50=%d fx_cpu_in_them_p50=%.1f fx_cpu_in_them_max=%.1f"
                + " fx_runqueue_wait_in_them_p50=%.1f fx_runqueue_wait_in_them_max=%.1f renderer_runqueue_wait_p50=%.1f"
                + " renderer_cpu_in_them_p50=%.1f renderer_cpu_in_them_max=%.1f with_gc_pause_over10=%d gc_in_them_max=%.1f"
                + " ping_p50=%.1f ping_p99=%.1f ping_max=%.1f fx_busy=%.1f%% gc_pauses=%d gc_max=%.0f gc_total=%.0f")
                .formatted(gaps.length, ms(gaps, 0.50), ms(gaps, 0.99), ms(gaps, 1.0), fxCpuInLongGaps.length,
                        ms(fxCpuInLongGaps, 0.50), ms(fxCpuInLongGaps, 1.0),
                        ms(longGapFxRunWait.sorted(), 0.50), ms(longGapFxRunWait.sorted(), 1.0),
                        ms(longGapRendererRunWait.sorted(), 0.50),
                        ms(rendererInLongGaps, 0.50), ms(rendererInLongGaps, 1.0), withGc, ms(gcInLongGaps, 1.0),
                        ms(waits, 0.50), ms(waits, 0.99), ms(waits, 1.0), fxBusy, pauses.length, ms(pauses, 1.0),
                        Arrays.stream(pauses).sum() / 1e6);
    }

    private static double ms(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.clamp(index, 0, sorted.length - 1)] / 1e6;
    }

    /**
     * One thread's line of Linux's /proc/self/task/<tid>/schedstat: nanoseconds on a CPU, nanoseconds
     * runnable but waiting for one. Kept open and read again in place (no allocation); zeros elsewhere.
     */
    private static class Schedstat {
        static final Schedstat NONE = new Schedstat(null);

        private final RandomAccessFile file;
        private final byte[] buffer = new byte[96];
        long cpu;
        long wait;

        private Schedstat(RandomAccessFile file) {
            this.file = file;
        }

        static Schedstat of(String threadName) {
            try (var tasks = Files.list(Path.of("/proc/self/task"))) {
                for (Path task : tasks.toList()) {
                    if (Files.readString(task.resolve("comm")).startsWith(threadName)) {
                        return new Schedstat(new RandomAccessFile(task.resolve("schedstat").toFile(), "r"));
                    }
                }
            } catch (IOException | RuntimeException e) {
                // not Linux, or the thread is gone: no figures
            }
            return NONE;
        }

        void read() {
            if (file == null) {
                return;
            }
            try {
                file.seek(0);
                int length = file.read(buffer);
                int at = 0;
                long onCpu = 0;
                for (; at < length && buffer[at] != ' '; at++) {
                    onCpu = onCpu * 10 + (buffer[at] - '0');
                }
                long waiting = 0;
                for (at++; at < length && buffer[at] != ' '; at++) {
                    waiting = waiting * 10 + (buffer[at] - '0');
                }
                cpu = onCpu;
                wait = waiting;
            } catch (IOException e) {
                // the thread ended: keep the last figures
            }
        }
    }

    /** Nanosecond samples, added from one thread and read from another. */
    private static final class Samples {
        private long[] values = new long[4096];
        private int size;

        synchronized void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        synchronized void clear() {
            size = 0;
        }

        synchronized long[] sorted() {
            long[] copy = Arrays.copyOf(values, size);
            Arrays.sort(copy);
            return copy;
        }
    }
}
