package dev.funnel.backend.testing;

import dev.funnel.gateway.SignatureVerifier;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** Webhook bodies as Meta sends them, signed and posted to a {@code /webhook} endpoint. */
public final class Webhooks {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Webhooks() {
    }

    /** Posts the body with a valid {@code X-Hub-Signature-256}; returns the HTTP status. */
    public static int postSigned(URI webhookUrl, String appSecret, byte[] body) {
        try {
            return HTTP.send(HttpRequest.newBuilder(webhookUrl)
                            .header("Content-Type", "application/json")
                            .header("X-Hub-Signature-256", new SignatureVerifier(appSecret).sign(body))
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A WhatsApp timestamp (epoch seconds) a minute ago: the lead's 24-hour window is open. */
    public static long aMinuteAgo() {
        return java.time.Instant.now().getEpochSecond() - 60;
    }

    /** A text message from {@code from} to the business number {@code phoneNumberId}. */
    public static byte[] text(String phoneNumberId, String from, String messageId, long epochSeconds, String text) {
        return """
                {"object":"whatsapp_business_account","entry":[{"id":"1234567890987654321","changes":[{"value":{
                "messaging_product":"whatsapp","metadata":{"display_phone_number":"972123456789",
                "phone_number_id":"%s"},"contacts":[{"profile":{"name":"Lead %s"},"wa_id":"%s"}],
                "messages":[{"from":"%s","id":"%s","timestamp":"%d","type":"text","text":{"body":"%s"}}]},
                "field":"messages"}]}]}""".formatted(phoneNumberId, from, from, from, messageId, epochSeconds, text)
                .getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A real Meta body whose message times are moved to a minute ago, so the bot may answer it within
     * WhatsApp's 24-hour window; everything else byte for byte.
     */
    public static byte[] fixtureWrittenNow(String name) {
        String body = new String(fixture(name), StandardCharsets.UTF_8);
        return body.replaceAll("\"timestamp\"(\\s*):(\\s*)\"\\d+\"", "\"timestamp\"$1:$2\"" + aMinuteAgo() + "\"")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** A real Meta body from the test resources, byte for byte. */
    public static byte[] fixture(String name) {
        try (InputStream in = Webhooks.class.getResourceAsStream("/meta-webhooks/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
