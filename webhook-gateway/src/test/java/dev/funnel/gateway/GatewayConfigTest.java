package dev.funnel.gateway;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GatewayConfigTest {

    private static Map<String, String> completeEnvironment() {
        var env = new HashMap<String, String>();
        env.put("WHATSAPP_APP_SECRET", "s3cr3t-app");
        env.put("WHATSAPP_VERIFY_TOKEN", "t0k3n-verify");
        env.put("SQS_QUEUE_URL", "http://localhost:9324/000000000000/webhooks");
        return env;
    }

    @Test
    void readsTheEnvironmentWithDefaults() {
        GatewayConfig config = GatewayConfig.fromEnvironment(completeEnvironment());

        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.appSecret()).isEqualTo("s3cr3t-app");
        assertThat(config.verifyToken()).isEqualTo("t0k3n-verify");
        assertThat(config.sqs().queueUrl()).isEqualTo("http://localhost:9324/000000000000/webhooks");
        assertThat(config.sqs().region()).isEqualTo("us-east-1");
        assertThat(config.sqs().endpoint()).isEmpty();
    }

    @Test
    void readsPortRegionAndEndpointOverrides() {
        var env = completeEnvironment();
        env.put("PORT", "9090");
        env.put("AWS_REGION", "eu-west-1");
        env.put("SQS_ENDPOINT", "http://localhost:9324");

        GatewayConfig config = GatewayConfig.fromEnvironment(env);

        assertThat(config.port()).isEqualTo(9090);
        assertThat(config.sqs().region()).isEqualTo("eu-west-1");
        assertThat(config.sqs().endpoint()).contains(URI.create("http://localhost:9324"));
    }

    @Test
    void missingVariablesAreNamedInTheError() {
        for (String name : new String[] {"WHATSAPP_APP_SECRET", "WHATSAPP_VERIFY_TOKEN", "SQS_QUEUE_URL"}) {
            var env = completeEnvironment();
            env.put(name, " ");

            assertThatThrownBy(() -> GatewayConfig.fromEnvironment(env))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith(name + " is not set");
        }
    }

    @Test
    void badPortIsNamedInTheError() {
        var env = completeEnvironment();
        env.put("PORT", "http");

        assertThatThrownBy(() -> GatewayConfig.fromEnvironment(env))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PORT");
    }

    @Test
    void toStringHidesTheSecrets() {
        GatewayConfig config = GatewayConfig.fromEnvironment(completeEnvironment());

        assertThat(config.toString())
                .doesNotContain("s3cr3t-app")
                .doesNotContain("t0k3n-verify")
                .contains("webhooks");
    }
}
