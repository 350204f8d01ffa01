package dev.funnel.console.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
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
 */
final class PulseMeter {

    private static final long LONG_GAP = 50_000_000L;

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Samples pulseGaps = new Samples();
    private final Samples pings = new Samples();
    private final Samples gcPauses = new Samples();
    /** For each gap over 50 ms: the FX thread's own CPU time in it (work on the FX thread, not waiting for a CPU). */
    private final Samples longGapFxCpu = new Samples();
    private final ScheduledExecutorService pinger = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "pulse-meter-ping");
        thread.setDaemon(true);
        return thread;
    });
    private final AnimationTimer timer = new AnimationTimer() {
        private long last;
        private long lastCpu;

        @Override
        public void handle(long now) {
            long cpu = threads.getCurrentThreadCpuTime();
            if (last != 0) {
                pulseGaps.add(now - last);
                if (now - last > LONG_GAP) {
                    longGapFxCpu.add(cpu - lastCpu);
                }
            }
            last = now;
            lastCpu = cpu;
        }
    };

    private long fxThreadId;
    private long resetNanos;
    private long resetFxCpuNanos;

    /** Call on the FX thread. */
    void start() {
        // G1's "Concurrent GC" and ZGC's "Cycles" report work beside the application, not pauses
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans().stream()
                .filter(bean -> !bean.getName().contains("Concurrent") && !bean.getName().contains("Cycles")).toList()) {
            ((NotificationEmitter) collector).addNotificationListener((notification, handback) -> {
                if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                    gcPauses.add(GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData())
                            .getGcInfo().getDuration() * 1_000_000L);
                }
            }, null, null);
        }
        fxThreadId = Thread.currentThread().threadId();
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
        return ("pulses=%d gap_p50=%.1f gap_p99=%.1f gap_max=%.1f over50=%d fx_cpu_in_them_p50=%.1f fx_cpu_in_them_max=%.1f"
                + " ping_p50=%.1f ping_p99=%.1f ping_max=%.1f fx_busy=%.1f%% gc_pauses=%d gc_max=%.0f gc_total=%.0f")
                .formatted(gaps.length, ms(gaps, 0.50), ms(gaps, 0.99), ms(gaps, 1.0), fxCpuInLongGaps.length,
                        ms(fxCpuInLongGaps, 0.50), ms(fxCpuInLongGaps, 1.0),
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
