package dev.funnel.backend.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The message templates Meta holds, per business account, behind {@link RecordingGraphServer}: created
 * PENDING by {@code POST /{waba_id}/message_templates}, listed page by page, read by id, edited and
 * deleted as Meta's Graph API does. Tests change a status as Meta's review would, or add templates
 * made directly in Meta's own tools.
 */
public final class MetaTemplates {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> CATEGORIES = Set.of("MARKETING", "UTILITY", "AUTHENTICATION");

    /** One template at Meta. */
    public record Stored(String id, String businessAccountId, String name, String language, String category,
                         String status, String rejectedReason, JsonNode components) {

        Stored with(String newStatus, String reason) {
            return new Stored(id, businessAccountId, name, language, category, newStatus, reason, components);
        }
    }

    /** An HTTP answer: status and JSON body. */
    record Answer(int status, String body) {
    }

    private final Map<String, Stored> byId = new LinkedHashMap<>();
    private final AtomicLong ids = new AtomicLong(1_700_000_000_000_000L);

    /** Meta's template of this name and language, if it has one. */
    public synchronized Optional<Stored> find(String name, String language) {
        return byId.values().stream().filter(t -> t.name().equals(name) && t.language().equals(language)).findFirst();
    }

    /** Meta's review decided: the template now has this status (and reason, for a rejection). */
    public synchronized void review(String id, String status, String rejectedReason) {
        byId.computeIfPresent(id, (k, t) -> t.with(status, rejectedReason));
    }

    /** A template someone made in Meta's own tools; returns its id. */
    public synchronized String add(String businessAccountId, String name, String language, String category,
                                   String status, String bodyText) {
        String id = String.valueOf(ids.incrementAndGet());
        ArrayNode components = JSON.createArrayNode();
        components.addObject().put("type", "BODY").put("text", bodyText);
        byId.put(id, new Stored(id, businessAccountId, name, language, category, status, null, components));
        return id;
    }

    synchronized boolean handles(String method, String path) {
        return path.endsWith("/message_templates") || byId.containsKey(lastSegment(path));
    }

    synchronized Answer answer(String method, String path, String query, JsonNode body,
                               Function<String, String> absoluteUrl) {
        Map<String, String> params = params(query);
        if (path.endsWith("/message_templates")) {
            String account = path.split("/")[2];
            return switch (method) {
                case "POST" -> create(account, body);
                case "GET" -> page(account, path, params, absoluteUrl);
                case "DELETE" -> delete(account, params);
                default -> invalidParameter("Unsupported method " + method);
            };
        }
        Stored template = byId.get(lastSegment(path));
        if ("POST".equals(method)) {
            if (!body.path("components").isArray()) {
                return invalidParameter("components is required");
            }
            byId.put(template.id(), new Stored(template.id(), template.businessAccountId(), template.name(),
                    template.language(), body.path("category").asText(template.category()), "PENDING", null,
                    body.path("components")));
            return new Answer(200, "{\"success\":true}");
        }
        ObjectNode out = JSON.createObjectNode().put("id", template.id()).put("status", template.status())
                .put("rejected_reason", template.rejectedReason() == null ? "NONE" : template.rejectedReason());
        return new Answer(200, out.toString());
    }

    private Answer create(String account, JsonNode body) {
        String name = body.path("name").asText("");
        String language = body.path("language").asText("");
        if (!name.matches("[a-z0-9_]{1,512}") || language.isEmpty()
                || !CATEGORIES.contains(body.path("category").asText()) || !hasBody(body.path("components"))) {
            return invalidParameter("name, language, category and a BODY component are required");
        }
        if (byId.values().stream().anyMatch(t -> t.businessAccountId().equals(account) && t.name().equals(name)
                && t.language().equals(language))) {
            return new Answer(400, """
                    {"error":{"message":"Invalid parameter","type":"OAuthException","code":100,
                     "error_subcode":2388024,"is_transient":false,
                     "error_user_title":"Content in This Language Already Exists",
                     "error_user_msg":"There is already %s content for this template. You can create a new template and try again.",
                     "fbtrace_id":"AbCdEf"}}""".formatted(language));
        }
        String id = String.valueOf(ids.incrementAndGet());
        byId.put(id, new Stored(id, account, name, language, body.path("category").asText(), "PENDING", null,
                body.path("components")));
        return new Answer(200, JSON.createObjectNode().put("id", id).put("status", "PENDING")
                .put("category", body.path("category").asText()).toString());
    }

    private Answer page(String account, String path, Map<String, String> params, Function<String, String> url) {
        List<Stored> all = byId.values().stream().filter(t -> t.businessAccountId().equals(account)).toList();
        int limit = Integer.parseInt(params.getOrDefault("limit", "25"));
        int from = Integer.parseInt(params.getOrDefault("after", "0"));
        List<Stored> page = all.subList(Math.min(from, all.size()), Math.min(from + limit, all.size()));
        ObjectNode out = JSON.createObjectNode();
        ArrayNode data = out.putArray("data");
        for (Stored t : page) {
            data.addObject().put("id", t.id()).put("name", t.name()).put("language", t.language())
                    .put("status", t.status()).put("category", t.category())
                    .put("rejected_reason", t.rejectedReason() == null ? "NONE" : t.rejectedReason())
                    .set("components", t.components());
        }
        ObjectNode paging = out.putObject("paging");
        paging.putObject("cursors").put("before", String.valueOf(from)).put("after", String.valueOf(from + limit));
        if (from + limit < all.size()) {
            paging.put("next", url.apply(path + "?fields=" + params.getOrDefault("fields", "") + "&limit=" + limit
                    + "&after=" + (from + limit)));
        }
        return new Answer(200, out.toString());
    }

    private Answer delete(String account, Map<String, String> params) {
        String name = params.get("name");
        String hsmId = params.get("hsm_id");
        List<String> gone = new ArrayList<>();
        byId.values().stream()
                .filter(t -> t.businessAccountId().equals(account) && t.name().equals(name)
                        && (hsmId == null || t.id().equals(hsmId)))
                .forEach(t -> gone.add(t.id()));
        if (gone.isEmpty()) {
            return invalidParameter("Template name does not exist");
        }
        gone.forEach(byId::remove);
        return new Answer(200, "{\"success\":true}");
    }

    private static boolean hasBody(JsonNode components) {
        for (JsonNode c : components) {
            if ("BODY".equals(c.path("type").asText()) && c.path("text").isTextual()) {
                return true;
            }
        }
        return false;
    }

    private static Answer invalidParameter(String details) {
        return new Answer(400, """
                {"error":{"message":"(#100) Invalid parameter","type":"OAuthException","code":100,
                 "error_data":{"details":"%s"},"fbtrace_id":"AbCdEf"}}""".formatted(details));
    }

    private static String lastSegment(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static Map<String, String> params(String query) {
        Map<String, String> params = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) {
            return params;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.put(URLDecoder.decode(key, StandardCharsets.UTF_8),
                    URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return params;
    }
}
