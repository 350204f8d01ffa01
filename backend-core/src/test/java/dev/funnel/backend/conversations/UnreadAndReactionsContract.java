package dev.funnel.backend.conversations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.funnel.backend.leads.Lead;
import dev.funnel.backend.leads.LeadRepository;
import dev.funnel.backend.organisations.Organisation;
import dev.funnel.backend.organisations.OrganisationRepository;
import dev.funnel.backend.testing.DatabaseContract;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The unread badge's counter and the reactions the chat shows on their messages, against the real
 * migrations on H2 ({@link UnreadAndReactionsOnH2Test}) and PostgreSQL ({@link UnreadAndReactionsOnPostgresIT}).
 */
abstract class UnreadAndReactionsContract extends DatabaseContract {

    private static final Instant NOW = Instant.parse("2026-12-02T09:00:00Z");

    private final OrganisationRepository organisations = new OrganisationRepository();
    private final LeadRepository leads = new LeadRepository();
    private final ConversationRepository conversations = new ConversationRepository();
    private final MessageRepository messages = new MessageRepository();

    @Test
    void leadMessagesCountAsUnreadUntilAPersonReadsThem() {
        Conversation c = newConversation("15550101");

        db.inTransactionRun(tx -> conversations.recordLeadMessage(tx, c.id(), "hi", true, NOW, NOW));
        db.inTransactionRun(tx -> conversations.recordLeadMessage(tx, c.id(), "Reacted 👍", false, NOW, NOW));
        db.inTransactionRun(tx -> conversations.recordLeadMessage(tx, c.id(), "price?", true, NOW, NOW));
        int before = unread(c);
        boolean firstRead = db.inTransaction(tx -> conversations.markRead(tx, c.id()));
        boolean secondRead = db.inTransaction(tx -> conversations.markRead(tx, c.id()));

        assertThat(before).isEqualTo(2);
        assertThat(unread(c)).isZero();
        assertThat(firstRead).isTrue();
        assertThat(secondRead).as("nothing left unread, nothing to tell the consoles").isFalse();
    }

    @Test
    void aNewConversationHasNothingUnread() {
        assertThat(newConversation("15550102").unreadCount()).isZero();
    }

    @Test
    void reactionsComeInTheOrderTheLeadMadeThemAndOnlyForMessagesTheConversationHas() {
        Conversation c = newConversation("15550103");
        Message reply = db.inTransaction(tx -> messages.recordOutbound(tx, c, "bot", "Our price is 40", null,
                "reply:r1", null, NOW));
        db.inTransactionRun(tx -> messages.markSent(tx, reply.id(), "wamid.BOT1", "sent", NOW));
        react(c, "r1", "wamid.BOT1", "👍", NOW.plusSeconds(1));
        react(c, "r2", "wamid.BOT1", null, NOW.plusSeconds(2));
        react(c, "r3", "wamid.ELSEWHERE", "😮", NOW.plusSeconds(3));

        List<MessageRepository.Reaction> reactions = db.inTransaction(tx ->
                messages.reactions(tx, c.organisationId(), c.id()));

        assertThat(reactions).extracting(MessageRepository.Reaction::reactsToWaId, MessageRepository.Reaction::emoji)
                .containsExactly(tuple("wamid.BOT1", "👍"), tuple("wamid.BOT1", null));
    }

    @Test
    void aPlaceKeepsItsMapLinkAndContactCardsTheirLines() {
        Conversation c = newConversation("15550105");

        Message place = db.inTransaction(tx -> messages.storeInbound(tx, c, new MessageRepository.Inbound(
                "wamid.LOC", "loc", "location", "📍 Acme HQ", "{}", null, NOW, null, null, null, null, null,
                "https://www.openstreetmap.org/?mlat=1&mlon=2", null), NOW)).message();
        Message cards = db.inTransaction(tx -> messages.storeInbound(tx, c, new MessageRepository.Inbound(
                "wamid.VCF", "vcf", "contacts", "[contact: Ana]", "{}", null, NOW, null, null, null, null, null,
                null, "Ana · +34 600"), NOW)).message();

        assertThat(place.locationUrl()).isEqualTo("https://www.openstreetmap.org/?mlat=1&mlon=2");
        assertThat(cards.contactCards()).isEqualTo("Ana · +34 600");
    }

    @Test
    void aReactionKeepsWhatItReactsToAndADocumentItsFileName() {
        Conversation c = newConversation("15550104");

        Message reaction = react(c, "r1", "wamid.BOT9", "❤️", NOW);
        Message document = db.inTransaction(tx -> messages.storeInbound(tx, c, new MessageRepository.Inbound(
                "wamid.DOC", "doc", "document", "[document: quote.pdf]", "{}", null, NOW, "media-1",
                "application/pdf", "quote.pdf", null, null, null, null), NOW)).message();

        assertThat(reaction.isReaction()).isTrue();
        assertThat(reaction.reactsToWaId()).isEqualTo("wamid.BOT9");
        assertThat(reaction.reactionEmoji()).isEqualTo("❤️");
        assertThat(document.isReaction()).isFalse();
        assertThat(document.mediaFilename()).isEqualTo("quote.pdf");
        assertThat(document.mediaMimeType()).isEqualTo("application/pdf");
    }

    private Message react(Conversation c, String key, String target, String emoji, Instant at) {
        return db.inTransaction(tx -> messages.storeInbound(tx, c, new MessageRepository.Inbound("wamid." + key, key,
                "reaction", "Reacted", "{}", null, at, null, null, null, target, emoji, null, null), NOW)).message();
    }

    private int unread(Conversation c) {
        return db.inTransaction(tx -> conversations.find(tx, c.organisationId(), c.id())).orElseThrow().unreadCount();
    }

    private Conversation newConversation(String phone) {
        return db.inTransaction(tx -> {
            Organisation org = organisations.create(tx, "Acme " + phone, NOW);
            Lead lead = leads.getOrCreate(tx, org.id(), phone, null, null, false, NOW);
            return conversations.getOrCreate(tx, org.id(), lead.id(), NOW);
        });
    }
}
