package dev.funnel.console.knowledge;

import dev.funnel.console.common.CurrentThreadTaskExecutor;
import dev.funnel.console.common.TaskExecutor;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Holds each task, work and answer alike, until the test lets the oldest one run with {@link #finishNext}. */
final class OneAtATimeTaskExecutor implements TaskExecutor {

    private final TaskExecutor now = new CurrentThreadTaskExecutor();
    private final Deque<Runnable> tasks = new ArrayDeque<>();

    @Override
    public <T> void execute(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        tasks.add(() -> now.execute(work, onSuccess, onFailure));
    }

    int waiting() {
        return tasks.size();
    }

    void finishNext() {
        tasks.remove().run();
    }
}
