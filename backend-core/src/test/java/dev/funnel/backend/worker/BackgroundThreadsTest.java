package dev.funnel.backend.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BackgroundThreadsTest {

    @Test
    void backgroundThreadsRunAtTheNiceValueAskedAndSoDoTheThreadsTheyStart() throws InterruptedException {
        assumeTrue(Files.exists(Path.of("/proc/thread-self/stat")), "Linux only");
        AtomicInteger background = new AtomicInteger(-100);
        AtomicInteger startedByIt = new AtomicInteger(-100);
        AtomicInteger fromFactory = new AtomicInteger(-100);
        int normal = nice();

        Thread thread = BackgroundThreads.thread("funnel-test", 10, () -> {
            background.set(nice());
            Thread child = Thread.ofPlatform().start(() -> startedByIt.set(nice()));
            join(child);
        });
        thread.start();
        thread.join();
        Thread pooled = BackgroundThreads.factory("funnel-test-", 10).newThread(() -> fromFactory.set(nice()));
        pooled.start();
        pooled.join();

        assertThat(thread.getName()).isEqualTo("funnel-test");
        assertThat(thread.isDaemon()).isTrue();
        assertThat(pooled.getName()).isEqualTo("funnel-test-0");
        assertThat(background).hasValue(normal + 10);
        assertThat(startedByIt).hasValue(normal + 10);
        assertThat(fromFactory).hasValue(normal + 10);
        assertThat(nice()).as("the caller keeps its priority").isEqualTo(normal);
    }

    @Test
    void withoutANiceValueTheyRunAtTheNormalPriority() throws InterruptedException {
        assumeTrue(Files.exists(Path.of("/proc/thread-self/stat")), "Linux only");
        AtomicInteger background = new AtomicInteger(-100);
        int normal = nice();

        Thread thread = BackgroundThreads.thread("funnel-test", 0, () -> background.set(nice()));
        thread.start();
        thread.join();

        assertThat(background).hasValue(normal);
    }

    /** The calling thread's nice value: the 19th field of its stat line. */
    private static int nice() {
        try {
            String stat = Files.readString(Path.of("/proc/thread-self/stat"));
            return Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[16]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
