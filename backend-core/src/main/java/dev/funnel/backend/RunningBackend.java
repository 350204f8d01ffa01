package dev.funnel.backend;

import dev.funnel.backend.db.Db;
import dev.funnel.backend.openapi.RegisteredRoutes;
import io.helidon.webserver.WebServer;
import java.net.URI;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/** A started backend: its HTTP server, its worker and its database. {@link #stop()} closes all of them. */
public final class RunningBackend implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RunningBackend.class.getName());

    private final WebServer server;
    private final Db db;
    private final List<AutoCloseable> resources;
    private final List<RegisteredRoutes.Route> routes;

    RunningBackend(WebServer server, Db db, List<AutoCloseable> resources, List<RegisteredRoutes.Route> routes) {
        this.server = server;
        this.db = db;
        this.resources = resources;
        this.routes = routes;
    }

    public int port() {
        return server.port();
    }

    /** The address to reach this backend from the same machine. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    /** The backend's database (the embedding console's diagnostics and tests read it). */
    public Db db() {
        return db;
    }

    /** Every route this backend serves, as registered (what {@code /openapi} must describe). */
    public List<RegisteredRoutes.Route> routes() {
        return routes;
    }

    public void stop() {
        server.stop();
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "Closing " + resource + " failed", e);
            }
        }
        db.close();
    }

    @Override
    public void close() {
        stop();
    }
}
