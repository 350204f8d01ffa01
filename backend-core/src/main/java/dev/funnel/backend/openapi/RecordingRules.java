package dev.funnel.backend.openapi;

import io.helidon.http.Method;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRoute;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * Helidon's routing rules, passed through unchanged, noting each route with its full path in a
 * {@link RegisteredRoutes}. Services register with {@code get/post/put/delete/patch/any(path, ...)};
 * a route given some other way (a bare {@link HttpRoute}, a path matcher, no path) cannot be named
 * and is refused, so that no route escapes the list.
 */
public final class RecordingRules implements HttpRules {

    private static final Pattern PARAMETER_PATTERN = Pattern.compile("\\{([^}:]+):[^}]*}");

    private final HttpRules delegate;
    private final String prefix;
    private final RegisteredRoutes routes;

    private RecordingRules(HttpRules delegate, String prefix, RegisteredRoutes routes) {
        this.delegate = delegate;
        this.prefix = prefix;
        this.routes = routes;
    }

    public static RecordingRules around(HttpRules rules, RegisteredRoutes routes) {
        return new RecordingRules(rules, "/", routes);
    }

    @Override
    public HttpRules register(HttpService... services) {
        delegate.register(recorded(prefix, services));
        return this;
    }

    @Override
    public HttpRules register(String path, HttpService... services) {
        delegate.register(path, recorded(join(prefix, path), services));
        return this;
    }

    @Override
    public HttpRules route(Method method, String path, Handler handler) {
        routes.add(method.text(), join(prefix, path));
        delegate.route(method, path, handler);
        return this;
    }

    @Override
    public HttpRules any(String path, Handler... handlers) {
        routes.add("*", join(prefix, path));
        delegate.any(path, handlers);
        return this;
    }

    @Override
    public HttpRules route(HttpRoute route) {
        throw new UnsupportedOperationException("Register routes with get/post/put/delete/patch/any(path, handler)"
                + " so that they can be listed (and described in openapi.yaml); under " + prefix + ": " + route);
    }

    private HttpService[] recorded(String path, HttpService... services) {
        return Arrays.stream(services).map(service -> recorded(path, service)).toArray(HttpService[]::new);
    }

    private HttpService recorded(String path, HttpService service) {
        return new HttpService() {
            @Override
            public void routing(HttpRules rules) {
                service.routing(new RecordingRules(rules, path, routes));
            }

            @Override
            public void beforeStart() {
                service.beforeStart();
            }

            @Override
            public void afterStart(WebServer server) {
                service.afterStart(server);
            }

            @Override
            public void afterStop() {
                service.afterStop();
            }
        };
    }

    /** The full path: "/conversations" and "/{id}" give "/conversations/{id}"; "/x" and "/" give "/x". */
    static String join(String base, String path) {
        String joined = (base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
                + (path.startsWith("/") ? path : "/" + path);
        String trimmed = joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
        return PARAMETER_PATTERN.matcher(trimmed).replaceAll("{$1}");
    }
}
