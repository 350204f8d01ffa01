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
 * platform threads that, with {@code -Dfunnel.backgroundNice=N} (the desktop console sets 19 in
 * console.jvmopts), run at a lower CPU priority than the rest of the process, so that they never keep
 * the console's window waiting for a CPU. Java's thread priorities do nothing on Linux, so there each
 * thread lowers itself to nice N through {@code setpriority} (the foreign-function API; the jars'
 * manifests enable native access). Elsewhere, and without the property, they run at the normal priority.
 */
public final class BackgroundThreads {

    private static final Logger LOG = Logger.getLogger(BackgroundThreads.class.getName());
    private static final int NICE = Integer.getInteger("funnel.backgroundNice", 0);
    private static final int PRIO_PROCESS = 0;

    private BackgroundThreads() {
    }

    /** Daemon threads named {@code prefix0}, {@code prefix1}... */
    public static ThreadFactory factory(String prefix) {
        return factory(prefix, NICE);
    }

    /** One daemon thread, not started. */
    public static Thread thread(String name, Runnable work) {
        return thread(name, NICE, work);
    }

    static ThreadFactory factory(String prefix, int nice) {
        ThreadFactory threads = Thread.ofPlatform().name(prefix, 0).daemon().factory();
        return work -> threads.newThread(lowered(work, nice));
    }

    static Thread thread(String name, int nice, Runnable work) {
        return Thread.ofPlatform().name(name).daemon().unstarted(lowered(work, nice));
    }

    private static Runnable lowered(Runnable work, int nice) {
        if (nice <= 0) {
            return work;
        }
        return () -> {
            Libc.FOUND.ifPresent(libc -> libc.lowerCurrentThread(nice));
            work.run();
        };
    }

    /** The two C functions, looked up the first time a thread lowers itself. */
    private record Libc(MethodHandle gettid, MethodHandle setpriority) {

        static final Optional<Libc> FOUND = find();

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

        void lowerCurrentThread(int nice) {
            try {
                int thread = (int) gettid.invokeExact();
                int failed = (int) setpriority.invokeExact(PRIO_PROCESS, thread, nice);
                if (failed != 0) {
                    LOG.fine("setpriority refused; this thread keeps the normal CPU priority");
                }
            } catch (Throwable e) {
                LOG.log(Level.FINE, "This thread keeps the normal CPU priority", e);
            }
        }
    }
}
