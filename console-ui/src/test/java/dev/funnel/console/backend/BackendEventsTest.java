package dev.funnel.console.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BackendEventsTest {

    private static final String CONVERSATION = """
            {"id":"c1","lead_id":"l1","lead_name":"Ana","lead_phone":"15550001111","stage":"new",
             "intent_level":"low","user_sentiment":"neutral","mode":"bot","needs_attention":false,
             "attention_reason":null,"simulated":true,"rolling_summary":null,"last_message":"Hi",
             "last_message_at":"2026-11-03T10:15:30Z","updated_at":"2026-11-03T10:15:30Z"}""";

    @Test
    void conversationUpdatedCarriesTheConversation() {
        BackendEvent event = BackendEvents.parse("{\"event\":\"conversation_updated\",\"payload\":" + CONVERSATION + "}");

        assertThat(event).isInstanceOf(BackendEvent.ConversationUpdated.class);
        assertThat(event.conversationOrNull().simulated()).isTrue();
    }

    @Test
    void takeoverEventsCarryTheConversation() {
        assertThat(BackendEvents.parse("{\"event\":\"takeover_started\",\"payload\":" + CONVERSATION + "}"))
                .isInstanceOf(BackendEvent.TakeoverStarted.class);
        assertThat(BackendEvents.parse("{\"event\":\"takeover_ended\",\"payload\":" + CONVERSATION + "}"))
                .isInstanceOf(BackendEvent.TakeoverEnded.class);
    }

    @Test
    void messageCreatedKeepsTheSimulatedFlag() {
        BackendEvent event = BackendEvents.parse("""
                {"event":"message_created","payload":{"id":"m1","conversation_id":"c1","message_from":"bot",
                 "message_type":"text","content":"Hello!","status":"sent","error":null,
                 "created_at":"2026-11-03T10:15:30Z","simulated":true}}""");

        BackendEvent.MessageCreated created = (BackendEvent.MessageCreated) event;
        assertThat(created.simulated()).isTrue();
        assertThat(created.message().messageFrom()).isEqualTo(MessageFrom.BOT);
        assertThat(created.message().content()).isEqualTo("Hello!");
    }

    @Test
    void attentionRequiredNamesConversationAndReason() {
        BackendEvent event = BackendEvents.parse("""
                {"event":"action_human_attention_required","payload":{"conversation_id":"c1","reason":"Asked for a discount"}}""");

        assertThat(event).isEqualTo(new BackendEvent.HumanAttentionRequired("c1", "Asked for a discount"));
    }

    @Test
    void helloHeartbeatAndUnknownEventsAreHarmless() {
        assertThat(BackendEvents.parse("{\"event\":\"server_hello\",\"payload\":{}}")).isEqualTo(new BackendEvent.ServerHello());
        assertThat(BackendEvents.parse("{\"event\":\"heartbeat\"}")).isEqualTo(new BackendEvent.Heartbeat());
        assertThat(BackendEvents.parse("{\"event\":\"lead_scored\",\"payload\":{}}"))
                .isEqualTo(new BackendEvent.Unknown("lead_scored"));
    }

    @Test
    void aFrameThatIsNotJsonIsRejected() {
        assertThatThrownBy(() -> BackendEvents.parse("not json")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theCursorFollowsTheNewestLoggedEvent() {
        long afterFirst = BackendEvents.advance(-1, "{\"seq\":41,\"event\":\"conversation_updated\",\"payload\":{}}");
        long afterSecond = BackendEvents.advance(afterFirst, "{\"seq\":57,\"event\":\"message_created\",\"payload\":{}}");
        long afterHeartbeat = BackendEvents.advance(afterSecond, "{\"event\":\"heartbeat\",\"payload\":{}}");

        assertThat(afterFirst).isEqualTo(41);
        assertThat(afterSecond).isEqualTo(57);
        assertThat(afterHeartbeat).isEqualTo(57);
    }

    @Test
    void theHellosCursorCountsOnlyBeforeAnyEventWasHeard() {
        String hello = "{\"event\":\"server_hello\",\"payload\":{\"last_seq\":90}}";

        assertThat(BackendEvents.advance(-1, hello)).isEqualTo(90);
        // a console that resumed after 57 must not skip the replayed events 58..90
        assertThat(BackendEvents.advance(57, hello)).isEqualTo(57);
    }

    @Test
    void theHeartbeatIsAClientMessageTheServerKnows() {
        assertThat(BackendEvents.heartbeatFrame()).isEqualTo("{\"type\":\"heartbeat\"}");
    }

    @Test
    void knowledgeDocumentEventsCarryTheDocumentOrItsId() {
        BackendEvent updated = BackendEvents.parse("""
                {"event":"knowledge_document_updated","payload":{"document":{"id":"d1","name":"scan.pdf",
                 "content_type":"application/pdf","size_bytes":48000,"status":"failed","chunks":0,"pages":3,
                 "error":"The PDF has no text layer","created_at":"2026-11-03T10:15:30Z",
                 "indexed_at":"2026-11-03T10:15:31Z"}}}""");
        BackendEvent deleted = BackendEvents.parse(
                "{\"event\":\"knowledge_document_deleted\",\"payload\":{\"document_id\":\"d1\"}}");

        KnowledgeDocument document = ((BackendEvent.KnowledgeDocumentUpdated) updated).document();
        assertThat(document.failed()).isTrue();
        assertThat(document.error()).isEqualTo("The PDF has no text layer");
        assertThat(document.pages()).isEqualTo(3);
        assertThat(deleted).isEqualTo(new BackendEvent.KnowledgeDocumentDeleted("d1"));
    }
}
