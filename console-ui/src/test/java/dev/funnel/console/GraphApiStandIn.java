package dev.funnel.console;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Meta's Graph API on loopback, as much of it as connecting a number and submitting a template take:
 * a number lookup answers with its display number, a new template is taken for review (PENDING).
 * Every call is recorded; anything else is refused the way Meta refuses an invalid parameter.
 */
final class GraphApiStandIn implements AutoCloseable {

    /** A call as Meta would have received it. */
    record Call(String method, String path, String body) {
    }

    private final HttpServer server;
    private final List<Call> calls = new ArrayList<>();

    private GraphApiStandIn(HttpServer server) {
        this.server = server;
    }

    static GraphApiStandIn start() throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        GraphApiStandIn standIn = new GraphApiStandIn(http);
        http.createContext("/", standIn::handle);
        http.start();
        return standIn;
    }

    /** To configure as WHATSAPP_GRAPH_URL. */
    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v24.0");
    }

    synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        synchronized (this) {
            calls.add(new Call(method, path, body));
        }
        if ("GET".equals(method) && query.contains("display_phone_number")) {
            String id = path.substring(path.lastIndexOf('/') + 1);
            respond(exchange, 200, """
                    {"display_phone_number":"+1 555 010 2030","verified_name":"Journey Solar","id":"%s"}""".formatted(id));
        } else if ("POST".equals(method) && path.endsWith("/message_templates")) {
            respond(exchange, 200, "{\"id\":\"1789000000001\",\"status\":\"PENDING\",\"category\":\"MARKETING\"}");
        } else {
            respond(exchange, 400, "{\"error\":{\"message\":\"(#100) Invalid parameter\",\"type\":\"OAuthException\",\"code\":100}}");
        }
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
