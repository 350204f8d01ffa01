package dev.funnel.console.backend;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A real HTTP server on loopback that answers scripted JSON and records each request, for client tests. */
final class ScriptedHttpServer implements AutoCloseable {

    record Recorded(String method, String pathAndQuery, String authorization, String body, String contentType) {
    }

    private record Answer(int status, String body) {
    }

    final List<Recorded> requests = new ArrayList<>();
    private final Map<String, Answer> answers = new HashMap<>();
    private final HttpServer server;

    ScriptedHttpServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String target = exchange.getRequestURI().toString();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            synchronized (requests) {
                requests.add(new Recorded(exchange.getRequestMethod(), target,
                        exchange.getRequestHeaders().getFirst("Authorization"), body,
                        exchange.getRequestHeaders().getFirst("Content-Type")));
            }
            Answer answer = answers.getOrDefault(exchange.getRequestMethod() + " " + target,
                    new Answer(404, "{\"error\":\"Not found\"}"));
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        server.start();
    }

    void answer(String methodAndPath, int status, String json) {
        answers.put(methodAndPath, new Answer(status, json));
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    Recorded last() {
        synchronized (requests) {
            return requests.getLast();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
