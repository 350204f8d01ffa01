package dev.funnel.backend.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.funnel.backend.openapi.RegisteredRoutes.Route;
import dev.funnel.backend.testing.ApiClient;
import dev.funnel.backend.testing.LlmScripts;
import dev.funnel.backend.testing.SoloStack;
import dev.funnel.backend.testing.Waits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every route the server registers, called by an admin of another organisation with the first
 * organisation's ids: nothing of the first organisation comes back (its ids answer exactly as ids that
 * exist nowhere do), and nothing of it changes. The
 * routes come from the server's own list ({@code RunningBackend.routes()}), so a route is covered the
 * day it is added; one whose path parameter this test cannot fill fails it until it is taught here.
 */
class OrganisationIsolationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String LEAD_PHONE = "919800011122";

    /** Routes anyone may call without belonging to an organisation (signed webhooks, sign-up, health...). */
    private static final Set<String> PUBLIC = Set.of("/webhook", "/health", "/metrics", "/openapi", "/auth/setup-status",
            "/auth/signup/create-org", "/auth/signup/join", "/auth/login", "/ws");

    /** What only the first organisation has: none of it may reach the second one's admin. */
    private static final List<String> ALPHA_ONLY = List.of(LEAD_PHONE, "Alpha lead asks a private question",
            "Alpha's private answer", "Isolated Alpha", "ops@isolatedalpha.test", "alpha_private_cta",
            "alpha_private_template", "Alpha Importer", "alpha-importer@alpha.test",
            "alpha-private-prices.txt", "Alpha's private price list");

    private static SoloStack alpha;
    private static ApiClient mallory;
    /** The first organisation's ids, by the collection they belong to. */
    private static final Map<String, String> ids = new LinkedHashMap<>();

    @BeforeAll
    static void start(@TempDir Path dataDir) {
        alpha = SoloStack.start(dataDir, "Isolated Alpha", "isolation-secret", "5550001112223",
                Map.of("FUNNEL_DEBOUNCE_MS", "0"));
        ApiClient api = alpha.api();
        LlmScripts.sendNow(alpha.llm(), "Alpha's private answer");
        alpha.postText(LEAD_PHONE, "wamid.alpha.1", "Alpha lead asks a private question");
        Waits.until("the bot's reply", WAIT, () -> alpha.graph().sendCount() >= 1);

        String conversation = api.get("/conversations").body().path(0).path("id").asText();
        ids.put("conversations", conversation);
        ids.put("leads", alpha.text("SELECT CAST(id AS VARCHAR) FROM leads WHERE phone = '" + LEAD_PHONE + "'"));
        ids.put("turns", api.get("/conversations/" + conversation + "/turns").body().path(0).path("turn_id").asText());
        ids.put("followups", alpha.text("SELECT CAST(id AS VARCHAR) FROM scheduled_actions"));
        ids.put("media", alpha.text("SELECT CAST(id AS VARCHAR) FROM messages WHERE message_from = 'lead'"));
        ids.put("users", alpha.text("SELECT CAST(id AS VARCHAR) FROM users"));
        ids.put("ctas", created(api.post("/ctas", """
                {"name":"alpha_private_cta","cta_type":"booking","description":"Alpha's own"}""")));
        ids.put("templates", created(api.post("/templates", """
                {"name":"alpha_private_template","language":"en","category":"UTILITY",
                 "components":[{"type":"BODY","text":"Your order is ready"}]}""")));
        api.post("/leads", """
                {"phone":"+441632960001","name":"Alpha Importer","email":"alpha-importer@alpha.test"}""");
        ids.put("documents", created(api.post("/knowledge/documents?name=alpha-private-prices.txt", "text/plain",
                "Alpha's private price list".getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        // indexed before the snapshots, which must not see it change by itself
        Waits.until("the knowledge document", WAIT, () -> api.get("/knowledge/documents/" + ids.get("documents"))
                .body().path("status").asText().equals("ready"));
        assertThat(ids.values()).doesNotContainNull().allSatisfy(id -> assertThat(id).isNotBlank());

        mallory = ApiClient.admin(alpha.backend().baseUri(), "Mallory Ltd", "mallory@mallory.test");
    }

    @AfterAll
    static void stop() {
        alpha.close();
    }

    @Test
    void noRouteGivesAnotherOrganisationsDataOrChangesIt() {
        Map<String, JsonNode> before = snapshot();
        List<String> leaks = new ArrayList<>();
        for (Route route : routesInSafeOrder()) {
            if (PUBLIC.contains(route.path())) {
                continue;
            }
            // a prompt's {step} is a step's name, the caller's own organisation's prompt: no other organisation's id
            boolean namesAlpha = route.path().replace("{step}", "").contains("{")
                    || route.path().equals("/messages/send");
            Answer r = call(route, ids);
            String body = r.body();
            if (r.status() >= 500) {
                leaks.add(route + " failed with " + r.status() + ": " + brief(body));
            }
            if (namesAlpha) {
                // the first organisation's ids must be indistinguishable from ids that exist nowhere
                Answer nowhere = call(route, unknownIds());
                if (r.status() != 404 || nowhere.status() != 404 || !body.equals(nowhere.body())) {
                    leaks.add(route + " answered " + r.status() + " " + brief(body) + " for the other organisation's id,"
                            + " and " + nowhere.status() + " " + brief(nowhere.body()) + " for an id that exists nowhere");
                }
            }
            for (String secret : namesAlpha ? ALPHA_ONLY : alphaOnlyAndIds()) {
                if (body.contains(secret)) {
                    leaks.add(route + " returned the other organisation's '" + secret + "': " + brief(body));
                }
            }
        }
        assertThat(leaks).as("what the second organisation's admin got of the first").isEmpty();
        assertThat(snapshot()).as("the first organisation's data after all those calls").isEqualTo(before);
    }

    @Test
    void everyRouteIsCoveredByThisTest() {
        List<String> unfillable = new ArrayList<>();
        for (Route route : alpha.backend().routes()) {
            if (!PUBLIC.contains(route.path()) && fill(route.path(), ids).contains("{")) {
                unfillable.add(route.toString());
            }
        }
        assertThat(unfillable).as("routes with a path parameter this test does not know how to fill").isEmpty();
    }

    /** Reads first, then changes, then deletions, so an earlier call cannot hide a later one's answer. */
    private static List<Route> routesInSafeOrder() {
        Map<String, Integer> rank = Map.of("GET", 0, "POST", 1, "PUT", 1, "PATCH", 1, "DELETE", 2);
        return alpha.backend().routes().stream()
                .sorted(Comparator.comparing((Route r) -> rank.getOrDefault(r.method(), 1)).thenComparing(r -> r))
                .toList();
    }

    /** A status and the body as text (JSON, CSV or bytes alike). */
    private record Answer(int status, String body) {
        static Answer of(ApiClient.Response r) {
            return new Answer(r.status(), r.body().toString());
        }
    }

    private static Answer call(Route route, Map<String, String> idsToUse) {
        String path = fill(route.path(), idsToUse);
        String body = bodyFor(route, idsToUse);
        return switch (route.method()) {
            case "GET" -> {
                ApiClient.RawResponse raw = mallory.getRaw(path);
                yield new Answer(raw.status(), raw.body());
            }
            case "POST" -> Answer.of(mallory.post(path, body));
            case "PUT" -> Answer.of(mallory.put(path, body));
            case "PATCH" -> Answer.of(mallory.patch(path, body));
            case "DELETE" -> Answer.of(mallory.delete(path));
            default -> throw new IllegalStateException("No call for " + route);
        };
    }

    /** A body that would be valid for the first organisation, so a 404 proves scoping and not validation. */
    private static String bodyFor(Route route, Map<String, String> idsToUse) {
        return switch (route.path()) {
            case "/messages/send" -> """
                    {"conversation_id":"%s","content":"Mallory was here"}""".formatted(idsToUse.get("conversations"));
            case "/leads/{id}", "/users/{id}" -> "{\"name\":\"Mallory was here\"}";
            case "/ctas/{id}" -> "{\"description\":\"Mallory was here\"}";
            case "/templates/{id}" -> """
                    {"components":[{"type":"BODY","text":"Mallory was here"}]}""";
            case "/conversations/{id}" -> "{\"needs_attention\":false}";
            default -> "{}";
        };
    }

    private static final Pattern PARAMETER = Pattern.compile("/([a-z-]+)/\\{([A-Za-z]+)}");

    /** The route's path with the first organisation's ids in it; an unknown parameter stays as it is. */
    private static String fill(String template, Map<String, String> idsToUse) {
        String path = template.replace("{turnId}", idsToUse.get("turns")).replace("{step}", "analyze");
        Matcher m = PARAMETER.matcher(path);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String id = idsToUse.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(id == null ? m.group() : "/" + m.group(1) + "/" + id));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Fresh ids for every collection: they belong to no organisation. */
    private static Map<String, String> unknownIds() {
        Map<String, String> unknown = new LinkedHashMap<>();
        ids.keySet().forEach(collection -> unknown.put(collection, UUID.randomUUID().toString()));
        return unknown;
    }

    private static List<String> alphaOnlyAndIds() {
        List<String> all = new ArrayList<>(ALPHA_ONLY);
        all.addAll(ids.values());
        return all;
    }

    /** What the first organisation's own admin sees, read before and after the other organisation's calls. */
    private static Map<String, JsonNode> snapshot() {
        Map<String, JsonNode> seen = new LinkedHashMap<>();
        for (String path : List.of("/organisation", "/users", "/conversations", "/leads", "/ctas", "/templates",
                "/prompts", "/settings/whatsapp", "/settings/llm", "/knowledge/documents",
                "/conversations/" + ids.get("conversations") + "/messages", "/conversations/" + ids.get("conversations") + "/followups")) {
            ApiClient.Response r = alpha.api().get(path);
            assertThat(r.status()).as(path).isEqualTo(200);
            seen.put(path, r.body());
        }
        return seen;
    }

    private static String brief(String body) {
        return body.length() <= 300 ? body : body.substring(0, 300) + "...";
    }

    private static String created(ApiClient.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.body().path("id").asText();
    }
}
