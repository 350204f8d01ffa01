package dev.funnel.console.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The chat's calls over HTTP: unread counts, marking a chat read, media, reactions and quotes. */
class ChatClientTest {

    private ScriptedHttpServer server;
    private HttpBackendClient client;

    @BeforeEach
    void start() throws IOException {
        server = new ScriptedHttpServer();
        client = HttpBackendClientTest.signedIn(server);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aConversationCarriesItsUnreadCountAndMarkingItReadIsAPost() {
        server.answer("POST /conversations/c1/read", 200, """
                {"id":"c1","lead_id":"l1","lead_phone":"15550001111","mode":"bot","needs_attention":false,
                 "simulated":false,"unread_count":0}""");
        server.answer("GET /conversations", 200, """
                [{"id":"c1","lead_id":"l1","lead_phone":"15550001111","mode":"bot","needs_attention":false,
                  "simulated":false,"unread_count":3}]""");

        int listed = client.conversations(ConversationFilter.ALL).getFirst().unreadCount();
        Conversation read = client.markRead("c1");

        assertThat(listed).isEqualTo(3);
        assertThat(read.unreadCount()).isZero();
        assertThat(server.last().method()).isEqualTo("POST");
        assertThat(server.last().pathAndQuery()).isEqualTo("/conversations/c1/read");
    }

    @Test
    void messagesCarryMediaQuotesAndReactions() {
        server.answer("GET /conversations/c1/messages", 200, """
                [{"id":"m1","conversation_id":"c1","message_from":"bot","message_type":"text","content":"40 EUR",
                  "status":"read","wa_message_id":"wamid.B1","lead_reaction":"👍","created_at":"2026-11-03T10:15:30Z"},
                 {"id":"m2","conversation_id":"c1","message_from":"lead","message_type":"document",
                  "content":"[document: quote.pdf]","status":"received","reply_to_wa_id":"wamid.B1",
                  "media_id":"77","media_mime_type":"application/pdf","media_filename":"quote.pdf",
                  "created_at":"2026-11-03T10:16:30Z"}]""");

        var messages = client.messages("c1");

        assertThat(messages.get(0).leadReaction()).isEqualTo("👍");
        assertThat(messages.get(0).waMessageId()).isEqualTo("wamid.B1");
        assertThat(messages.get(1).replyToWaId()).isEqualTo("wamid.B1");
        assertThat(messages.get(1).hasMedia()).isTrue();
        assertThat(messages.get(1).mediaFilename()).isEqualTo("quote.pdf");
    }

    @Test
    void mediaIsFetchedAsBytesWithTheToken() {
        server.answer("GET /media/m2", 200, "PDF-BYTES");

        byte[] bytes = client.media("m2");

        assertThat(new String(bytes)).isEqualTo("PDF-BYTES");
        assertThat(server.last().authorization()).isEqualTo("Bearer tok-1");
    }

    @Test
    void aLiveReactionIsReadFromItsEvent() {
        BackendEvent event = BackendEvents.parse("""
                {"event":"message_created","payload":{"id":"m3","conversation_id":"c1","message_from":"lead",
                 "message_type":"reaction","content":"Reacted 😮 to a message","status":"received",
                 "reacts_to_wa_id":"wamid.B1","reaction_emoji":"😮","created_at":"2026-11-03T10:17:30Z"}}""");

        Message reaction = ((BackendEvent.MessageCreated) event).message();

        assertThat(reaction.isReaction()).isTrue();
        assertThat(reaction.reactsToWaId()).isEqualTo("wamid.B1");
        assertThat(reaction.reactionEmoji()).isEqualTo("😮");
    }
}
