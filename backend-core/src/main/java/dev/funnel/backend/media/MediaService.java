package dev.funnel.backend.media;

import dev.funnel.backend.auth.Caller;
import dev.funnel.backend.auth.Tokens;
import dev.funnel.backend.conversations.Message;
import dev.funnel.backend.conversations.MessageRepository;
import dev.funnel.backend.db.Db;
import dev.funnel.backend.http.ApiException;
import dev.funnel.backend.http.RequestParams;
import dev.funnel.backend.security.TokenCipher;
import dev.funnel.backend.whatsapp.GraphApiClient;
import dev.funnel.backend.whatsapp.Integration;
import dev.funnel.backend.whatsapp.IntegrationRepository;
import dev.funnel.backend.whatsapp.WhatsAppApiException;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.UUID;

/** {@code GET /media/{messageId}}: an inbound message's image, voice note or document, fetched on demand. */
public final class MediaService implements HttpService {

    /** WhatsApp's own limit for documents. */
    private static final long MAX_MEDIA_BYTES = 100L * 1024 * 1024;

    private final Db db;
    private final Tokens tokens;
    private final GraphApiClient graph;
    private final TokenCipher cipher;
    private final MediaCache cache;
    private final MessageRepository messages = new MessageRepository();
    private final IntegrationRepository integrations = new IntegrationRepository();

    public MediaService(Db db, Tokens tokens, GraphApiClient graph, TokenCipher cipher, MediaCache cache) {
        this.db = db;
        this.tokens = tokens;
        this.graph = graph;
        this.cipher = cipher;
        this.cache = cache;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/{id}", this::media);
    }

    private void media(ServerRequest req, ServerResponse res) {
        Caller caller = tokens.caller(req);
        UUID id = RequestParams.uuid(req, "id");
        Message message = db.inTransaction(tx -> messages.find(tx, caller.organisationId(), id))
                .orElseThrow(() -> ApiException.notFound("Message"));
        if (message.mediaId() == null) {
            throw ApiException.notFound("Media of this message");
        }
        String key = caller.organisationId() + "/" + message.mediaId();
        MediaCache.Entry entry = cache.get(key).orElseGet(() -> {
            MediaCache.Entry fetched = fetch(caller, message);
            cache.put(key, fetched);
            return fetched;
        });
        res.status(Status.OK_200);
        res.header(HeaderNames.CONTENT_TYPE, entry.mimeType());
        res.header(HeaderNames.CACHE_CONTROL, "private, max-age=86400");
        res.send(entry.bytes());
    }

    private MediaCache.Entry fetch(Caller caller, Message message) {
        Integration integration = db.inTransaction(tx -> integrations.find(tx, caller.organisationId()))
                .orElseThrow(() -> new ApiException(Status.CONFLICT_409,
                        "Connect WhatsApp in Settings to download media"));
        try {
            GraphApiClient.Media media = graph.fetchMedia(message.mediaId(),
                    cipher.decrypt(integration.accessTokenEncrypted()), MAX_MEDIA_BYTES);
            return new MediaCache.Entry(media.bytes(), media.mimeType());
        } catch (WhatsAppApiException e) {
            throw new ApiException(Status.BAD_GATEWAY_502, "WhatsApp did not give the media: " + e.title());
        }
    }
}
