package dev.funnel.backend.debug;

import dev.funnel.backend.auth.Caller;
import dev.funnel.backend.auth.Tokens;
import dev.funnel.backend.db.Db;
import dev.funnel.backend.http.ApiException;
import dev.funnel.backend.http.Fields;
import dev.funnel.backend.http.Json;
import dev.funnel.backend.organisations.Organisation;
import dev.funnel.backend.organisations.OrganisationRepository;
import dev.funnel.gateway.SignatureVerifier;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * "Simulate a lead": builds the webhook body Meta would send for a lead's text, signs it with the
 * app secret and posts it to this server's own {@code /webhook}, so it takes exactly the path a real
 * message takes. It is addressed to the organisation's simulator number, so replies to this lead
 * come back to the console instead of going to Meta.
 */
public final class SimulatorService implements HttpService {

    record SimulateRequest(String fromPhone, String name, String text) {
    }

    private final Db db;
    private final Tokens tokens;
    private final SignatureVerifier signer;
    private final Supplier<URI> selfUri;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final OrganisationRepository organisations = new OrganisationRepository();

    public SimulatorService(Db db, Tokens tokens, SignatureVerifier signer, Supplier<URI> selfUri, Clock clock) {
        this.db = db;
        this.tokens = tokens;
        this.signer = signer;
        this.selfUri = selfUri;
        this.clock = clock;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/simulate", this::simulate);
    }

    private void simulate(ServerRequest req, ServerResponse res) {
        Caller caller = tokens.caller(req);
        SimulateRequest body = Json.read(req, SimulateRequest.class);
        new Fields()
                .required("from_phone", body.fromPhone())
                .check(body.fromPhone() == null || body.fromPhone().matches("\\+?[0-9]{6,20}"),
                        "from_phone must be 6 to 20 digits")
                .required("text", body.text())
                .maxLength("text", body.text(), 4096)
                .maxLength("name", body.name(), 200)
                .validate();
        Organisation org = db.inTransaction(tx -> organisations.find(tx, caller.organisationId()).orElseThrow());
        String messageId = "wamid.sim." + UUID.randomUUID();
        byte[] webhook = Json.bytes(webhookBody(org, body, messageId));
        post(webhook);
        Json.send(res, Status.ACCEPTED_202, Map.of("accepted", true, "message_id", messageId));
    }

    private Map<String, Object> webhookBody(Organisation org, SimulateRequest body, String messageId) {
        String phone = body.fromPhone().replace("+", "");
        String name = body.name() == null || body.name().isBlank() ? "Simulated lead" : body.name().trim();
        Map<String, Object> message = Map.of(
                "from", phone,
                "id", messageId,
                "timestamp", Long.toString(clock.instant().getEpochSecond()),
                "type", "text",
                "text", Map.of("body", body.text()));
        Map<String, Object> value = Map.of(
                "messaging_product", "whatsapp",
                "metadata", Map.of("display_phone_number", "simulator", "phone_number_id",
                        org.simulatorPhoneNumberId()),
                "contacts", List.of(Map.of("profile", Map.of("name", name), "wa_id", phone)),
                "messages", List.of(message));
        return Map.of(
                "object", "whatsapp_business_account",
                "entry", List.of(Map.of("id", "simulator", "changes",
                        List.of(Map.of("field", "messages", "value", value)))));
    }

    private void post(byte[] webhook) {
        HttpRequest request = HttpRequest.newBuilder(selfUri.get().resolve("/webhook"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", signer.sign(webhook))
                .POST(HttpRequest.BodyPublishers.ofByteArray(webhook))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new ApiException(Status.BAD_GATEWAY_502,
                        "The webhook endpoint refused the simulated message (HTTP " + response.statusCode() + ")");
            }
        } catch (IOException e) {
            throw new ApiException(Status.BAD_GATEWAY_502, "Cannot reach this server's webhook endpoint");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(Status.SERVICE_UNAVAILABLE_503, "Interrupted");
        }
    }
}
