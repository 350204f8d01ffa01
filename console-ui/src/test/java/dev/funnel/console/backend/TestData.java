package dev.funnel.console.backend;

import dev.funnel.console.templates.TemplateText;
import java.time.Instant;
import java.util.List;

/** Small builders for backend records, with plausible defaults. */
public final class TestData {

    public static final Instant NOW = Instant.parse("2026-11-03T10:15:30Z");
    /** When the test leads last wrote: just now, so their 24-hour window is open whatever the date. */
    public static final Instant LEAD_WROTE = Instant.now();

    private TestData() {
    }

    public static Conversation conversation(String id, String leadName, ConversationMode mode) {
        return new Conversation(id, "lead-" + id, leadName, "1555000" + Math.abs(id.hashCode() % 10000),
                "qualifying", "medium", "neutral", mode, false, null, false, null,
                "Hello from " + leadName, NOW, NOW, LEAD_WROTE);
    }

    public static Conversation simulatedConversation(String id, String phone) {
        return new Conversation(id, "lead-" + id, "Test Lead", phone, "new", "low", "neutral",
                ConversationMode.BOT, false, null, true, null, null, NOW, NOW, LEAD_WROTE);
    }

    public static Message message(String id, String conversationId, MessageFrom from, String content) {
        return new Message(id, conversationId, from, "text", content, from == MessageFrom.LEAD ? null : "sent",
                null, NOW, null);
    }

    /** A stored template with this content; its parameters counted from the {{n}} of header, body and URL buttons. */
    public static Template template(String id, TemplateDraft draft, String status, String metaTemplateId) {
        int header = 0;
        int body = 0;
        int buttons = 0;
        for (TemplateComponent c : draft.components()) {
            switch (c.type()) {
                case "HEADER" -> header = TemplateText.variables(c.text());
                case "BODY" -> body = TemplateText.variables(c.text());
                case "BUTTONS" -> buttons = (int) c.buttons().stream()
                        .filter(b -> b.url() != null && b.url().endsWith("{{1}}")).count();
                default -> { }
            }
        }
        return new Template(id, draft.name(), draft.language(), draft.category(), draft.components(), status, null,
                metaTemplateId, new TemplateParameters(header, body, buttons), NOW, NOW);
    }

    /** An APPROVED template "order_update": header "Order {{1}}", body "Hi {{1}}, your order ships {{2}}.", a link. */
    public static Template approvedTemplate(String id) {
        return template(id, new TemplateDraft("order_update", "en_US", "UTILITY", List.of(
                TemplateComponent.header("Order {{1}}", List.of("A-17")),
                TemplateComponent.body("Hi {{1}}, your order ships {{2}}.", List.of("Ana", "today")),
                TemplateComponent.footer("Acme Solar"),
                TemplateComponent.buttons(List.of(new TemplateButton(TemplateButton.URL, "Track it",
                        "https://acme.example/track/{{1}}", null, List.of("https://acme.example/track/A-17")))))),
                Template.APPROVED, "meta-" + id);
    }

    public static AuthResult session() {
        return new AuthResult("token-123", "bearer",
                new UserAccount("u1", "Sam Rivera", "sam@acme.example", "admin", "o1"),
                new Organisation("o1", "Acme Solar"));
    }

    public static AuthResult agentSession() {
        return new AuthResult("token-456", "bearer",
                new UserAccount("u2", "Alex Agent", "alex@acme.example", "agent", "o1"),
                new Organisation("o1", "Acme Solar"));
    }

    public static OrganisationSettings organisationSettings() {
        return new OrganisationSettings("o1", "Acme Solar", "We install rooftop solar in Lyon.",
                "Ask for the roof size, then offer a site visit.", "friendly", "Europe/Paris", "21:00", "08:00",
                2, 5, 80, 0.6, List.of(10, 180, 360), 48, "0123456789abcdef01234567", null);
    }

    public static TeamMember teamMember(String id, String name, String role, boolean active) {
        return new TeamMember(id, name, name.toLowerCase().replace(' ', '.') + "@acme.example", role, active,
                NOW, NOW);
    }
}
