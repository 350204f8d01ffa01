package dev.funnel.console.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs blocking work (backend calls) away from the UI and hands the outcome back. ViewModels use
 * it instead of starting threads, so a test can pass an executor that runs everything at once on
 * the calling thread. Callbacks run where ViewModel state may be changed (the FX thread in the app).
 */
public interface TaskExecutor {

    <T> void execute(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure);
}
