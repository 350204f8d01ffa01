package dev.funnel.backend.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.helidon.http.Method;
import io.helidon.webserver.http.HttpRoute;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.HttpService;
import org.junit.jupiter.api.Test;

/** Routes are named as the server serves them; Helidon asks services for their routes when the routing is built. */
class RecordingRulesTest {

    private static final io.helidon.webserver.http.Handler OK = (req, res) -> res.send();

    @Test
    void routesAreRecordedWithTheirServicesPathAndPlainParameterNames() {
        RegisteredRoutes routes = new RegisteredRoutes();
        HttpService conversations = rules -> rules.get("/", OK)
                .get("/{id:[0-9a-f-]+}/messages", OK)
                .post("/{id}/takeover", OK);
        HttpService root = rules -> rules.get("/health", OK).any("/health", OK).route(Method.PATCH, "/x/", OK);

        HttpRouting.Builder routing = HttpRouting.builder();
        RecordingRules.around(routing, routes)
                .register("/conversations", conversations)
                .register("/", root);
        routing.build();

        assertThat(routes.list()).extracting(RegisteredRoutes.Route::toString).containsExactly(
                "GET /conversations",
                "GET /conversations/{id}/messages",
                "POST /conversations/{id}/takeover",
                "* /health",
                "GET /health",
                "PATCH /x");
    }

    @Test
    void aRouteThatCannotBeNamedIsRefused() {
        RecordingRules rules = RecordingRules.around(HttpRouting.builder(), new RegisteredRoutes());

        assertThatThrownBy(() -> rules.route(HttpRoute.builder().path("/anything").handler(OK).build()))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("get/post/put/delete/patch/any");
    }
}
