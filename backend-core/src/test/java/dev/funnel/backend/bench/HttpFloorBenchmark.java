package dev.funnel.backend.bench;

import com.sun.net.httpserver.HttpServer;
import io.helidon.webserver.WebServer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The floor under the worker benchmark: what one loopback HTTP exchange costs in CPU on this machine
 * with nothing behind it, the JDK's HTTP client against the same kinds of servers the worker benchmark
 * uses (the JDK's HttpServer, as the scripted model and the recording Graph API are; and Helidon, as
 * the backend's webhook route is). A message costs seven such exchanges: the webhook, four model
 * calls, the read receipt and the reply. Printed, never asserted. Run: {@code ./funnel bench http}.
 */
public final class HttpFloorBenchmark {

    private static final int CLIENTS = 16;

    private HttpFloorBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int exchanges = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        byte[] request = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"%s\"}]}"
                .formatted("x".repeat(1500)).getBytes(StandardCharsets.UTF_8);
        byte[] answer = "{\"id\":\"c\",\"choices\":[{\"message\":{\"content\":\"%s\"}}]}"
                .formatted("y".repeat(400)).getBytes(StandardCharsets.UTF_8);

        HttpServer jdk = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        jdk.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        jdk.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        jdk.start();
        WebServer helidon = WebServer.builder().host("127.0.0.1").port(0)
                .routing(r -> r.post("/", (req, res) -> {
                    req.content().as(byte[].class);
                    res.header("Content-Type", "application/json").send(answer);
                }))
                .build().start();
        try {
            // a client (and its connection pool) per server, as the backend has one per server it calls
            measure("JDK HttpClient -> JDK HttpServer (the scripted model, the recording Graph API)",
                    HttpClient.newHttpClient(), URI.create("http://127.0.0.1:" + jdk.getAddress().getPort() + "/"),
                    request, exchanges);
            measure("JDK HttpClient -> Helidon (the backend's webhook route)", HttpClient.newHttpClient(),
                    URI.create("http://127.0.0.1:" + helidon.port() + "/"), request, exchanges);
        } finally {
            jdk.stop(0);
            helidon.stop();
        }
        System.exit(0);
    }

    private static void measure(String what, HttpClient client, URI uri, byte[] body, int exchanges)
            throws Exception {
        run(client, uri, body, exchanges); // warm-up: the JIT compilers
        long cpu = processCpuNanos();
        long start = System.nanoTime();
        run(client, uri, body, exchanges);
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuMs = (processCpuNanos() - cpu) / 1e6 / exchanges;
        System.out.printf("%s: %.3f ms of CPU per exchange (client and server), %.0f exchanges/s, %d clients%n",
                what, cpuMs, exchanges / seconds, CLIENTS);
    }

    private static void run(HttpClient client, URI uri, byte[] body, int exchanges) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(CLIENTS)) {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < exchanges / CLIENTS; i++) {
                        HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(uri)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                                HttpResponse.BodyHandlers.ofByteArray());
                        if (r.statusCode() != 200) {
                            throw new IOException("status " + r.statusCode());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
