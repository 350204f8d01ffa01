package dev.funnel.console.inbox;

import static dev.funnel.console.backend.TestData.conversation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.console.backend.ConversationMode;
import dev.funnel.console.backend.FakeBackendClient;
import dev.funnel.console.backend.Message;
import dev.funnel.console.backend.MessageFrom;
import dev.funnel.console.backend.TestData;
import dev.funnel.console.common.CurrentThreadTaskExecutor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chat shows a lead's reaction on its message, quotes what a reply answers, and fetches media. */
class ChatReactionsQuotesAndMediaTest {

    private final FakeBackendClient backend = new FakeBackendClient();
    private final ChatViewModel chat = new ChatViewModel(backend, new CurrentThreadTaskExecutor(), c -> { });
    private final Message price = withWaId(TestData.message("m1", "c1", MessageFrom.BOT, "It is 40 EUR."), "wamid.B1");
    private final Message photo = media("m2", "image", "image/jpeg", null);
    private final Message quote = media("m3", "document", "application/pdf", "offers/quote?.pdf");

    @BeforeEach
    void open() {
        backend.messagesByConversation.put("c1", List.of(price, photo, quote));
        chat.open(conversation("c1", "Ana", ConversationMode.BOT));
    }

    @Test
    void aLiveReactionGoesOnTheMessageItReactsTo() {
        chat.messageCreated(reaction("r1", "wamid.B1", "👍"));

        assertThat(chat.messages()).hasSize(3);
        assertThat(chat.messages().getFirst().leadReaction()).isEqualTo("👍");
    }

    @Test
    void takingTheReactionBackRemovesIt() {
        chat.messageCreated(reaction("r1", "wamid.B1", "👍"));

        chat.messageCreated(reaction("r2", "wamid.B1", null));

        assertThat(chat.messages().getFirst().leadReaction()).isNull();
    }

    @Test
    void aReactionToAMessageNotShownIsShownAsAMessage() {
        chat.messageCreated(reaction("r1", "wamid.GONE", "😮"));

        assertThat(chat.messages()).extracting(Message::id).containsExactly("m1", "m2", "m3", "r1");
    }

    @Test
    void aReplyQuotesTheFirstLineOfTheMessageItAnswers() {
        Message reply = new Message("m4", "c1", MessageFrom.LEAD, "text", "Too much", "received", null, TestData.NOW,
                null, "wamid.L4", "wamid.B1", null, null, null, null, null, null, null, null);

        chat.messageCreated(reply);

        assertThat(chat.quoted(reply)).contains(price);
        assertThat(chat.quoteSnippet(price)).isEqualTo("Bot: It is 40 EUR.");
        assertThat(chat.quoted(photo)).isEmpty();
    }

    @Test
    void mediaIsFetchedOnceAndKeptForTheThumbnail() {
        backend.mediaByMessage.put("m2", "JPEG".getBytes(StandardCharsets.UTF_8));
        List<String> loaded = new ArrayList<>();

        chat.media().load(photo, bytes -> loaded.add(new String(bytes, StandardCharsets.UTF_8)));
        chat.media().load(photo, bytes -> loaded.add(new String(bytes, StandardCharsets.UTF_8)));

        assertThat(loaded).containsExactly("JPEG", "JPEG");
        assertThat(backend.calls).containsOnlyOnce("media m2");
    }

    @Test
    void mediaThatCannotBeFetchedSaysSoOnceInTheChat() {
        chat.media().load(photo, bytes -> { });
        chat.media().load(photo, bytes -> { });

        assertThat(chat.errorProperty().get()).isEqualTo("Could not load the image: Media of this message not found");
        assertThat(backend.calls).containsOnlyOnce("media m2");
    }

    @Test
    void aDocumentIsSavedUnderItsOwnNameMadeSafe(@TempDir Path folder) throws Exception {
        backend.mediaByMessage.put("m3", "%PDF".getBytes(StandardCharsets.UTF_8));
        Path target = folder.resolve(ChatMedia.fileName(quote));

        chat.media().save(quote, target);

        assertThat(target.getFileName().toString()).isEqualTo("offers_quote_.pdf");
        assertThat(Files.readString(target)).isEqualTo("%PDF");
    }

    @Test
    void openingADocumentHandsTheDesktopACopy() throws Exception {
        backend.mediaByMessage.put("m3", "%PDF".getBytes(StandardCharsets.UTF_8));
        List<Path> opened = new ArrayList<>();

        chat.media().openCopy(quote, opened::add);

        assertThat(opened).hasSize(1);
        assertThat(Files.readString(opened.getFirst())).isEqualTo("%PDF");
    }

    @Test
    void imagesGetAThumbnailAndOtherMediaALabelledChip() {
        Message voice = media("m5", "audio", "audio/ogg; codecs=opus", null);

        assertThat(ChatMedia.hasThumbnail(photo)).isTrue();
        assertThat(ChatMedia.hasThumbnail(quote)).isFalse();
        assertThat(ChatMedia.label(quote)).isEqualTo("📄 offers/quote?.pdf · application/pdf");
        assertThat(ChatMedia.label(voice)).isEqualTo("🎵 Audio · audio/ogg");
        assertThat(ChatMedia.fileName(voice)).isEqualTo("audio-m5.ogg");
        assertThat(ChatMedia.fileName(media("m6", "document", "application/pdf", ".."))).isEqualTo("document-m6.pdf");
    }

    @Test
    void aSharedPlacesMapOpensInTheBrowser() {
        List<java.net.URI> browsed = new ArrayList<>();

        chat.openLink("https://www.openstreetmap.org/?mlat=48.85&mlon=2.29", browsed::add);

        assertThat(browsed).extracting(java.net.URI::getHost).containsExactly("www.openstreetmap.org");
    }

    @Test
    void aLinkTheDesktopCannotOpenSaysSoInTheChat() {
        chat.openLink("https://www.openstreetmap.org/", link -> {
            throw new UnsupportedOperationException("this desktop cannot open links for Funnel: " + link);
        });

        assertThat(chat.errorProperty().get()).startsWith("Could not open the link: ")
                .contains("cannot open links");
    }

    private static Message withWaId(Message m, String waId) {
        return new Message(m.id(), m.conversationId(), m.messageFrom(), m.messageType(), m.content(), m.status(),
                m.error(), m.createdAt(), m.turnId(), waId, null, null, null, null, null, null, null, null, null);
    }

    private static Message media(String id, String type, String mime, String filename) {
        return new Message(id, "c1", MessageFrom.LEAD, type, "[" + type + "]", "received", null, TestData.NOW, null,
                "wamid." + id, null, "media-" + id, mime, filename, null, null, null, null, null);
    }

    private static Message reaction(String id, String target, String emoji) {
        return new Message(id, "c1", MessageFrom.LEAD, "reaction", "Reacted", "received", null, TestData.NOW, null,
                "wamid." + id, null, null, null, null, target, emoji, null, null, null);
    }
}
