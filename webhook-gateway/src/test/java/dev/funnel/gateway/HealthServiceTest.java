package dev.funnel.gateway;

import io.helidon.http.Status;
import io.helidon.webclient.http1.Http1ClientResponse;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.DirectClient;
import io.helidon.webserver.testing.junit5.RoutingTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@RoutingTest
class HealthServiceTest {

    private static final FakeInboundQueue QUEUE = new FakeInboundQueue();

    private final DirectClient client;

    HealthServiceTest(DirectClient client) {
        this.client = client;
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        routing.register(new HealthService(QUEUE));
    }

    @BeforeEach
    void reachableQueue() {
        QUEUE.reset();
    }

    @Test
    void healthIsOkWhileTheQueueIsReachable() {
        try (Http1ClientResponse response = client.get("/health").request()) {
            assertThat(response.status()).isEqualTo(Status.OK_200);
            assertThat(response.as(String.class)).isEqualTo("{\"status\":\"ok\",\"queue\":\"reachable\"}");
        }
    }

    @Test
    void healthIsDegradedWhenTheQueueIsUnreachable() {
        QUEUE.failing(true);

        try (Http1ClientResponse response = client.get("/health").request()) {
            assertThat(response.status()).isEqualTo(Status.SERVICE_UNAVAILABLE_503);
            assertThat(response.as(String.class)).isEqualTo("{\"status\":\"degraded\",\"queue\":\"unreachable\"}");
        }
    }
}
