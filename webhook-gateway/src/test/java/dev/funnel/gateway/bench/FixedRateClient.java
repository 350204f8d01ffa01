package dev.funnel.gateway.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * A wrk2-style open-loop load: requests start on a fixed schedule whatever the server does, and each
 * latency is measured from the moment its request was due, not from when it was actually sent. A
 * stalled server (or client) therefore shows up as latency instead of silently lowering the rate,
 * which is the coordinated-omission error a closed loop like wrk makes.
 */
final class FixedRateClient {

    private static final Duration WARM_UP = Duration.ofSeconds(3);

    record Result(Histogram latency, int failures) {
    }

    private final int rate;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    FixedRateClient(int rate) {
        this.rate = rate;
    }

    /** POSTs {@code body} with the signature when given, else GETs; the warm-up is sent but not recorded. */
    Result run(URI uri, byte[] body, String signature, Duration duration) throws InterruptedException {
        HttpRequest request = request(uri, body, signature);
        send(request, WARM_UP, new Recorder(3), new AtomicInteger());
        var recorder = new Recorder(3);
        var failures = new AtomicInteger();
        send(request, duration, recorder, failures);
        return new Result(recorder.getIntervalHistogram(), failures.get());
    }

    private void send(HttpRequest request, Duration duration, Recorder recorder, AtomicInteger failures)
            throws InterruptedException {
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        int total = (int) (duration.toSeconds() * rate);
        var done = new CountDownLatch(total);
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                recorder.recordValue(System.nanoTime() - due);
                if (error != null || response.statusCode() != 200) {
                    failures.incrementAndGet();
                }
                done.countDown();
            });
        }
        if (!done.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(done.getCount() + " requests had no answer 30 s after the run");
        }
    }

    private static HttpRequest request(URI uri, byte[] body, String signature) {
        var builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10));
        if (body == null) {
            return builder.GET().build();
        }
        return builder.header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }
}
