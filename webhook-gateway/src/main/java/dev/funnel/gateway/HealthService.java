package dev.funnel.gateway;

import dev.funnel.gateway.queue.InboundQueue;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** {@code GET /health}: the gateway is only useful while it can reach its queue. */
public final class HealthService implements HttpService {

    private final InboundQueue queue;

    public HealthService(InboundQueue queue) {
        this.queue = queue;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/health", this::health);
    }

    private void health(ServerRequest req, ServerResponse res) {
        res.header(HeaderValues.CONTENT_TYPE_JSON);
        if (queue.isReachable()) {
            res.send("{\"status\":\"ok\",\"queue\":\"reachable\"}");
        } else {
            res.status(Status.SERVICE_UNAVAILABLE_503)
                    .send("{\"status\":\"degraded\",\"queue\":\"unreachable\"}");
        }
    }
}
