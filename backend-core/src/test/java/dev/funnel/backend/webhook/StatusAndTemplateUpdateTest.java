package dev.funnel.backend.webhook;

import static dev.funnel.backend.webhook.Bodies.parse;
import static dev.funnel.backend.webhook.Bodies.statuses;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Statuses of our outbound messages and status updates of our templates. */
class StatusAndTemplateUpdateTest {

    @Test
    void readsAFailedStatusWithItsErrors() {
        StatusUpdate failed = parse(Fixtures.bytes("status_failed__pywa_130472.json")).statuses().getFirst();

        assertThat(failed.status()).isEqualTo("failed");
        assertThat(failed.errors()).containsExactly(new ErrorInfo(130472, "User's number is part of an experiment",
                "User's number is part of an experiment",
                "Failed to send message because this user's phone number is part of an experiment"));
    }

    @Test
    void readsPricingConversationAndOurCallbackData() {
        StatusUpdate sent = parse(Fixtures.bytes("status_sent__pywa_biz_opaque_callback_data.json")).statuses().getFirst();

        assertThat(sent).isEqualTo(new StatusUpdate("1122334455667", "wamid.xyzxyz", "sent",
                Instant.ofEpochSecond(1698266945L), "972987654321", List.of(), "service", true, "some data",
                "7270432eae37498234f4444b35ffc5"));
    }

    @Test
    void lowerCasesTheStatusAndSkipsOneWithoutIdOrStatus() {
        ParsedWebhook parsed = parse(statuses("{\"id\": \"wamid.A\", \"status\": \"DELIVERED\", \"timestamp\": 1700000000}",
                "{\"status\": \"read\"}", "{\"id\": \"wamid.B\", \"status\": null}"));

        assertThat(parsed.statuses()).extracting(StatusUpdate::status).containsExactly("delivered");
        assertThat(parsed.skipped()).hasSize(2).allSatisfy(reason -> assertThat(reason).contains("lacks"));
    }

    @Test
    void ranksStatusesSoTheyOnlyMoveForwardAndFailureIsFinal() {
        List<String> order = List.of("failed", "sent", "read", "whatever", "played", "delivered");

        List<String> ranked = order.stream().map(StatusAndTemplateUpdateTest::status)
                .sorted(Comparator.comparingInt(StatusUpdate::rank)).map(StatusUpdate::status).toList();

        assertThat(ranked).containsExactly("whatever", "sent", "delivered", "read", "played", "failed");
    }

    @Test
    void readsAnApprovedTemplate() {
        TemplateStatusUpdate approved = parse(Fixtures.bytes("template_status_update__pywa_approved.json"))
                .templateUpdates().getFirst();

        assertThat(approved).isEqualTo(new TemplateStatusUpdate("102290129340398", "APPROVED", "1689556908129832",
                "order_confirmation", "en_US", "NONE"));
    }

    @Test
    void prefersTheRejectionExplanationOverTheReasonCode() {
        TemplateStatusUpdate rejected = parse(Fixtures.bytes("template_status_update__pywa_rejected_rejection_info.json"))
                .templateUpdates().getFirst();

        assertThat(rejected.event()).isEqualTo("REJECTED");
        assertThat(rejected.reason()).startsWith("Your template has parameters placed next to each other");
    }

    @Test
    void skipsATemplateUpdateWithoutEvent() {
        ParsedWebhook parsed = parse(Bodies.change("message_template_status_update",
                "{\"message_template_id\": 5, \"message_template_name\": \"x\"}"));

        assertThat(parsed.templateUpdates()).isEmpty();
        assertThat(parsed.skipped()).singleElement().asString().contains("template status update");
    }

    private static StatusUpdate status(String status) {
        return new StatusUpdate("P", "wamid.A", status, null, null, List.of(), null, null, null, null);
    }
}
