package dev.funnel.backend.openapi;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * Every route the server serves, as (method, path template), recorded while the routes are registered
 * ({@link RecordingRules}), so the list is the server's own and not a copy kept by hand. OpenApiTest
 * holds {@code openapi.yaml} to it.
 */
public final class RegisteredRoutes {

    /** A method (or {@code *} for a route that answers any method) and a path with {@code {param}} templates. */
    public record Route(String method, String path) implements Comparable<Route> {

        @Override
        public int compareTo(Route other) {
            int byPath = path.compareTo(other.path);
            return byPath != 0 ? byPath : method.compareTo(other.method);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private final Set<Route> routes = new ConcurrentSkipListSet<>();

    public List<Route> list() {
        return List.copyOf(routes);
    }

    /** Records the WebSocket endpoint at {@code path} (an HTTP GET that upgrades) and returns the path. */
    public String webSocket(String path) {
        add("GET", path);
        return path;
    }

    void add(String method, String path) {
        routes.add(new Route(method, path));
    }
}
