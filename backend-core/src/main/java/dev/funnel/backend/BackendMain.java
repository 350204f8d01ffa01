package dev.funnel.backend;

import io.helidon.logging.common.LogConfig;
import java.util.concurrent.CountDownLatch;

/** Runs the backend headless: {@code java -jar backend-core/target/backend-core.jar}, configured by environment. */
public final class BackendMain {

    private BackendMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        LogConfig.configureRuntime();
        BackendConfig config;
        try {
            config = BackendConfig.fromEnvironment(System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("Funnel backend: " + e.getMessage());
            System.exit(2);
            return;
        }
        RunningBackend backend = BackendServer.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            backend.stop();
            stopped.countDown();
        }, "funnel-shutdown"));
        stopped.await();
    }
}
