package dev.funnel.backend.worker;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.invoke.MethodHandle;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadFactory;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Threads for the work lead messages bring (the worker's loop, bot turns, follow-ups, indexing):
 * platform threads at a lower CPU priority than the rest of the process, so that they never keep the
 * HTTP routes, and in the desktop console its window, waiting for a CPU. Java's thread priorities do
 * nothing on Linux, so there each thread lowers itself to nice 10 through {@code setpriority} (the
 * foreign-function API; the jars' manifests enable native access). Elsewhere they run at the normal
 * priority.
 */
public final class BackgroundThreads {

    private static final Logger LOG = Logger.getLogger(BackgroundThreads.class.getName());
    private static final int NICE = 10;
    private static final int PRIO_PROCESS = 0;
    private static final Optional<Libc> LIBC = Libc.find();

    private BackgroundThreads() {
    }

    /** Daemon threads named {@code prefix0}, {@code prefix1}... */
    public static ThreadFactory factory(String prefix) {
        ThreadFactory threads = Thread.ofPlatform().name(prefix, 0).daemon().factory();
        return work -> threads.newThread(lowered(work));
    }

    /** One daemon thread, not started. */
    public static Thread thread(String name, Runnable work) {
        return Thread.ofPlatform().name(name).daemon().unstarted(lowered(work));
    }

    private static Runnable lowered(Runnable work) {
        return () -> {
            LIBC.ifPresent(Libc::lowerCurrentThread);
            work.run();
        };
    }

    /** The two C functions, found once. */
    private record Libc(MethodHandle gettid, MethodHandle setpriority) {

        static Optional<Libc> find() {
            if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
                return Optional.empty();
            }
            try {
                Linker linker = Linker.nativeLinker();
                return Optional.of(new Libc(
                        linker.downcallHandle(linker.defaultLookup().find("gettid").orElseThrow(),
                                FunctionDescriptor.of(JAVA_INT)),
                        linker.downcallHandle(linker.defaultLookup().find("setpriority").orElseThrow(),
                                FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT))));
            } catch (RuntimeException | Error e) {
                LOG.log(Level.INFO, "Background work runs at the normal CPU priority", e);
                return Optional.empty();
            }
        }

        void lowerCurrentThread() {
            try {
                int thread = (int) gettid.invokeExact();
                int failed = (int) setpriority.invokeExact(PRIO_PROCESS, thread, NICE);
                if (failed != 0) {
                    LOG.fine("setpriority refused; this thread keeps the normal CPU priority");
                }
            } catch (Throwable e) {
                LOG.log(Level.FINE, "This thread keeps the normal CPU priority", e);
            }
        }
    }
}
