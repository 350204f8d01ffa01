package dev.funnel.backend.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The message templates of a WhatsApp Business account at Meta: submitting, editing, reading their
 * status, listing and deleting them (WHATSAPP.md, "Templates"). Called once per operator action, so
 * nothing here is retried.
 */
public final class GraphTemplates {

    /** Meta's page size is at most 100 templates; an account with more than this many pages is cut off. */
    private static final int PAGE_SIZE = 100;
    private static final int MAX_PAGES = 100;
    private static final String FIELDS = "id,name,language,status,category,components,rejected_reason";

    private final GraphApiClient graph;

    public GraphTemplates(GraphApiClient graph) {
        this.graph = graph;
    }

    /** A template as Meta lists it; {@code rejectedReason} is null when Meta says NONE. */
    public record MetaTemplate(String id, String name, String language, String status, String category,
                               String rejectedReason, JsonNode components) {
    }

    /** Meta's answer to a submission: its id for the template and the status it starts in. */
    public record Submitted(String id, String status) {
    }

    /** Meta's current status of one template. */
    public record Status(String status, String rejectedReason) {
    }

    /**
     * Submits a new template for review.
     *
     * @param components the template's components in Meta's own shape
     * @throws WhatsAppApiException when Meta refuses it (the title says why) or cannot be reached
     */
    public Submitted create(String businessAccountId, String accessToken, String name, String language,
                            String category, JsonNode components) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("language", language);
        body.put("category", category);
        body.put("components", components);
        JsonNode answer = graph.post(businessAccountId + "/message_templates", accessToken, body);
        String id = GraphApiClient.textOrNull(answer.path("id"));
        if (id == null) {
            throw new WhatsAppApiException(200, null, "Meta accepted the template but returned no id", null);
        }
        return new Submitted(id, answer.path("status").asText("PENDING"));
    }

    /** Sends a rejected template's corrected category and components back for review (Meta keeps its id). */
    public void edit(String templateId, String accessToken, String category, JsonNode components) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("category", category);
        body.put("components", components);
        graph.post(templateId, accessToken, body);
    }

    public Status status(String templateId, String accessToken) {
        JsonNode answer = graph.get(graph.uri(templateId + "?fields=status,rejected_reason"), accessToken);
        return new Status(answer.path("status").asText(), reason(answer));
    }

    /** Every template of the account, following Meta's paging links. */
    public List<MetaTemplate> list(String businessAccountId, String accessToken) {
        List<MetaTemplate> templates = new ArrayList<>();
        URI next = graph.uri(businessAccountId + "/message_templates?fields=" + FIELDS + "&limit=" + PAGE_SIZE);
        for (int page = 0; next != null && page < MAX_PAGES; page++) {
            JsonNode answer = graph.get(next, accessToken);
            for (JsonNode t : answer.path("data")) {
                templates.add(new MetaTemplate(t.path("id").asText(), t.path("name").asText(),
                        t.path("language").asText(), t.path("status").asText(), t.path("category").asText(),
                        reason(t), t.path("components")));
            }
            String link = GraphApiClient.textOrNull(answer.path("paging").path("next"));
            next = link == null ? null : URI.create(link);
            if (next != null && !graph.isGraphUrl(next)) {
                throw new WhatsAppApiException(200, null, "Meta's next page is on another host: " + next.getHost(),
                        null);
            }
        }
        return templates;
    }

    /**
     * Deletes one template at Meta. By name alone Meta would delete every language of that name, so
     * the template's own id goes with it.
     */
    public void delete(String businessAccountId, String accessToken, String name, String templateId) {
        graph.delete(graph.uri(businessAccountId + "/message_templates?name="
                + URLEncoder.encode(name, StandardCharsets.UTF_8) + "&hsm_id="
                + URLEncoder.encode(templateId, StandardCharsets.UTF_8)), accessToken);
    }

    private static String reason(JsonNode template) {
        String reason = GraphApiClient.textOrNull(template.path("rejected_reason"));
        return reason == null || "NONE".equals(reason) ? null : reason;
    }
}
