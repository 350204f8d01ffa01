package dev.funnel.gateway;

import dev.funnel.gateway.queue.SqsQueueConfig;
import java.util.Map;

/**
 * Everything the gateway needs, read from the environment.
 *
 * @param port        the HTTP port; 0 picks a free one
 * @param appSecret   the Meta app secret that signs webhook bodies
 * @param verifyToken the token Meta echoes when the webhook is subscribed
 * @param sqs         the queue verified bodies go to
 */
public record GatewayConfig(int port, String appSecret, String verifyToken, SqsQueueConfig sqs) {

    public static final String PORT = "PORT";
    public static final String APP_SECRET = "WHATSAPP_APP_SECRET";
    public static final String VERIFY_TOKEN = "WHATSAPP_VERIFY_TOKEN";

    private static final int DEFAULT_PORT = 8080;

    public static GatewayConfig fromEnvironment(Map<String, String> env) {
        return new GatewayConfig(
                port(env.get(PORT)),
                required(env, APP_SECRET, "the app secret from the Meta app dashboard (App settings > Basic)"),
                required(env, VERIFY_TOKEN, "the token you typed when configuring the webhook in the Meta app"),
                SqsQueueConfig.fromEnvironment(env));
    }

    /** Never prints the secrets, so the config can be logged. */
    @Override
    public String toString() {
        return "GatewayConfig[port=" + port + ", appSecret=***, verifyToken=***, sqs=" + sqs + "]";
    }

    private static int port(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_PORT;
        }
        try {
            int port = Integer.parseInt(value.strip());
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below with the other bad values
        }
        throw new IllegalArgumentException(PORT + " must be a port number from 0 to 65535, was: " + value);
    }

    private static String required(Map<String, String> env, String name, String what) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is not set: give " + what);
        }
        return value;
    }
}
