package dev.funnel.backend.knowledge;

import dev.funnel.backend.auth.Caller;
import dev.funnel.backend.auth.Tokens;
import dev.funnel.backend.http.ApiException;
import dev.funnel.backend.http.Json;
import dev.funnel.backend.http.RequestParams;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import java.util.UUID;

/**
 * The organisation's knowledge base: upload files (PDF, Markdown, plain text) as the request body,
 * list, delete and re-index them, and search what they say. Reading is for everyone of the
 * organisation; changing the files is for admins. Mounted under {@code /knowledge}.
 */
public final class KnowledgeService implements HttpService {

    static final long MAX_BYTES = 20L * 1024 * 1024;
    private static final int MAX_NAME = 300;
    private static final int MAX_HITS = 20;

    private final Tokens tokens;
    private final KnowledgeBase knowledge;

    public KnowledgeService(Tokens tokens, KnowledgeBase knowledge) {
        this.tokens = tokens;
        this.knowledge = knowledge;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/documents", this::upload)
                .get("/documents", this::list)
                .get("/documents/{id}", this::get)
                .delete("/documents/{id}", this::delete)
                .post("/documents/{id}/reindex", this::reindex)
                .get("/search", this::search)
                .get("/status", this::status);
    }

    private void upload(ServerRequest req, ServerResponse res) {
        Caller caller = tokens.caller(req).requireAdmin("add files to the knowledge base");
        String name = req.query().first("name").map(String::strip).orElse("");
        if (name.isEmpty()) {
            throw ApiException.badRequest("name is required: the file's name, e.g. ?name=price-list.pdf",
                    List.of("name"));
        }
        if (name.length() > MAX_NAME) {
            throw ApiException.badRequest("name is longer than " + MAX_NAME + " characters", List.of("name"));
        }
        String contentType = req.headers().contentType().map(t -> t.mediaType().text()).orElse(null);
        DocumentType type = DocumentType.of(contentType, name).orElseThrow(() -> ApiException.badRequest(
                "Only PDF, Markdown and plain text files can be added (Content-Type application/pdf, text/markdown"
                        + " or text/plain, or a name ending in .pdf, .md or .txt)", List.of("content_type")));
        byte[] bytes = RequestParams.body(req, MAX_BYTES, KnowledgeService::tooLarge);
        if (bytes.length == 0) {
            throw ApiException.badRequest("The file is empty: send its bytes as the request body", List.of("body"));
        }
        Json.send(res, Status.CREATED_201, knowledge.add(caller.organisationId(), caller.userId(), name, type, bytes));
    }

    private void list(ServerRequest req, ServerResponse res) {
        Caller caller = tokens.caller(req);
        Json.ok(res, knowledge.list(caller.organisationId()));
    }

    private void get(ServerRequest req, ServerResponse res) {
        Caller caller = tokens.caller(req);
        UUID id = RequestParams.uuid(req, "id");
        Json.ok(res, knowledge.find(caller.organisationId(), id).orElseThrow(KnowledgeService::notFound));
    }

    private void delete(ServerRequest req, ServerResponse res) {
        Caller caller = tokens.caller(req).requireAdmin("delete files of the knowledge base");
        UUID id = RequestParams.uuid(req, "id");
        if (!knowledge.delete(caller.organisationId(), caller.userId(), id)) {
            throw notFound();
        }
        res.status(Status.NO_CONTENT_204).send();
    }

    private void reindex(ServerRequest req, ServerResponse res) {
        Caller caller = tokens.caller(req).requireAdmin("re-index files of the knowledge base");
        UUID id = RequestParams.uuid(req, "id");
        Json.send(res, Status.ACCEPTED_202, knowledge.reindex(caller.organisationId(), caller.userId(), id).orElseThrow(
                KnowledgeService::notFound));
    }

    private void search(ServerRequest req, ServerResponse res) {
        Caller caller = tokens.caller(req);
        String question = req.query().first("q").map(String::strip).orElse("");
        if (question.isEmpty()) {
            throw ApiException.badRequest("q is required: the question to look up", List.of("q"));
        }
        int limit = RequestParams.limit(req, 5, MAX_HITS);
        Json.ok(res, knowledge.search(caller.organisationId(), question, limit));
    }

    private void status(ServerRequest req, ServerResponse res) {
        Caller caller = tokens.caller(req);
        Json.ok(res, knowledge.status(caller.organisationId()));
    }

    private static ApiException notFound() {
        return ApiException.notFound("Document");
    }

    private static ApiException tooLarge() {
        return new ApiException(Status.REQUEST_ENTITY_TOO_LARGE_413, "A file may have at most 20 MB: split it or"
                + " remove images");
    }
}
