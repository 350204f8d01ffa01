package dev.funnel.backend.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;

/** Templates as a person writes them in the console, and Meta's review of them, for API tests. */
public final class TemplateFixtures {

    private TemplateFixtures() {
    }

    /**
     * A template using every kind of component: a header with {{1}}, a body with {{1}} and {{2}}, a
     * footer, and a quick reply, a URL ending in {{1}} and a phone number button.
     */
    public static String orderUpdate(String name) {
        return """
                {"name":"%s","language":"en_US","category":"UTILITY","components":[
                 {"type":"HEADER","format":"TEXT","text":"Hello {{1}}","example":{"header_text":["Priya"]}},
                 {"type":"BODY","text":"Your order {{1}} ships on {{2}}.",
                  "example":{"body_text":[["#1042","Monday"]]}},
                 {"type":"FOOTER","text":"Reply STOP to opt out"},
                 {"type":"BUTTONS","buttons":[
                  {"type":"QUICK_REPLY","text":"Thanks"},
                  {"type":"URL","text":"Track order","url":"https://shop.example/orders/{{1}}",
                   "example":["https://shop.example/orders/1042"]},
                  {"type":"PHONE_NUMBER","text":"Call us","phone_number":"+15550001234"}]}]}""".formatted(name);
    }

    /** Creates {@link #orderUpdate} and returns it. */
    public static JsonNode created(ApiClient api, String name) {
        return create(api, orderUpdate(name));
    }

    /** Creates, submits, has Meta approve and refreshes {@link #orderUpdate}; returns it APPROVED. */
    public static JsonNode approved(ApiClient api, RecordingGraphServer graph, String name) {
        return approvedFrom(api, graph, created(api, name));
    }

    /** Creates the template {@code json} describes, submits, has Meta approve and refreshes it; returns it APPROVED. */
    public static JsonNode approvedOf(ApiClient api, RecordingGraphServer graph, String json) {
        return approvedFrom(api, graph, create(api, json));
    }

    private static JsonNode create(ApiClient api, String json) {
        ApiClient.Response created = api.post("/templates", json);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.body();
    }

    private static JsonNode approvedFrom(ApiClient api, RecordingGraphServer graph, JsonNode created) {
        String id = created.path("id").asText();
        ApiClient.Response submitted = api.post("/templates/" + id + "/submit", "{}");
        assertThat(submitted.status()).as(submitted.body().toString()).isEqualTo(200);
        graph.templates().review(submitted.body().path("meta_template_id").asText(), "APPROVED", null);
        JsonNode refreshed = api.post("/templates/" + id + "/refresh", "{}").body();
        assertThat(refreshed.path("status").asText()).isEqualTo("APPROVED");
        return refreshed;
    }

    /** A {@code message_template_status_update} webhook for one template, as Meta sends it. */
    public static byte[] statusWebhook(String businessAccountId, String metaTemplateId, String name, String language,
                                       String event, String reason) {
        return """
                {"entry":[{"id":"%s","time":1751247548,"changes":[{"value":{"event":"%s",
                 "message_template_id":%s,"message_template_name":"%s","message_template_language":"%s",
                 "reason":"%s"},"field":"message_template_status_update"}]}],"object":"whatsapp_business_account"}"""
                .formatted(businessAccountId, event, metaTemplateId, name, language, reason)
                .getBytes(StandardCharsets.UTF_8);
    }
}
