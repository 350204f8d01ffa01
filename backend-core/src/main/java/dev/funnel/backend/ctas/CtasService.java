package dev.funnel.backend.ctas;

import dev.funnel.backend.audit.AuditLog;
import dev.funnel.backend.auth.Caller;
import dev.funnel.backend.auth.Tokens;
import dev.funnel.backend.db.Db;
import dev.funnel.backend.db.Tx;
import dev.funnel.backend.http.ApiException;
import dev.funnel.backend.http.Fields;
import dev.funnel.backend.http.Json;
import dev.funnel.backend.http.RequestParams;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** The organisation's calls to action: the steps the bot may lead a lead to (only active ones are offered). */
public final class CtasService implements HttpService {

    private static final int MAX_NAME = 200;
    private static final int MAX_DESCRIPTION = 2000;
    private static final int MAX_URL = 1000;

    /** A new CTA, or a change to one: absent fields are left as they are; an empty description or url clears it. */
    record CtaRequest(String name, String ctaType, String description, String url, Boolean isActive) {
    }

    record CtaOut(UUID id, String name, String ctaType, String description, String url, boolean isActive,
                  Instant createdAt, Instant updatedAt) {
        static CtaOut of(Cta c) {
            return new CtaOut(c.id(), c.name(), c.type(), c.description(), c.url(), c.active(), c.createdAt(),
                    c.updatedAt());
        }
    }

    private final Db db;
    private final Tokens tokens;
    private final Clock clock;
    private final CtaRepository ctas = new CtaRepository();
    private final AuditLog audit = new AuditLog();

    public CtasService(Db db, Tokens tokens, Clock clock) {
        this.db = db;
        this.tokens = tokens;
        this.clock = clock;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::list)
                .post("/", this::create)
                .get("/{id}", this::get)
                .patch("/{id}", this::update)
                .delete("/{id}", this::delete);
    }

    private void list(ServerRequest req, ServerResponse res) {
        Caller caller = tokens.caller(req);
        Json.ok(res, db.inTransaction(tx -> ctas.list(tx, caller.organisationId())).stream().map(CtaOut::of).toList());
    }

    private void get(ServerRequest req, ServerResponse res) {
        Caller caller = tokens.caller(req);
        UUID id = RequestParams.uuid(req, "id");
        Json.ok(res, CtaOut.of(db.inTransaction(tx -> ctas.find(tx, caller.organisationId(), id))
                .orElseThrow(() -> ApiException.notFound("CTA"))));
    }

    private void create(ServerRequest req, ServerResponse res) {
        Caller caller = tokens.caller(req);
        CtaRepository.Values values = valid(Json.read(req, CtaRequest.class), null);
        Instant now = clock.instant();
        Cta created = db.inTransaction(tx -> {
            refuseLookalike(tx, caller, values.name(), null);
            Cta cta = ctas.create(tx, caller.organisationId(), values, now);
            audit.record(tx, caller.organisationId(), caller.userId(), "cta.created", "cta", cta.id(), now);
            return cta;
        });
        Json.send(res, Status.CREATED_201, CtaOut.of(created));
    }

    private void update(ServerRequest req, ServerResponse res) {
        Caller caller = tokens.caller(req);
        UUID id = RequestParams.uuid(req, "id");
        CtaRequest body = Json.read(req, CtaRequest.class);
        Instant now = clock.instant();
        Cta updated = db.inTransaction(tx -> {
            Cta current = ctas.find(tx, caller.organisationId(), id).orElseThrow(() -> ApiException.notFound("CTA"));
            CtaRepository.Values values = valid(body, current);
            refuseLookalike(tx, caller, values.name(), id);
            Cta cta = ctas.update(tx, current, values, now);
            audit.record(tx, caller.organisationId(), caller.userId(), "cta.updated", "cta", id, now);
            return cta;
        });
        Json.ok(res, CtaOut.of(updated));
    }

    private void delete(ServerRequest req, ServerResponse res) {
        Caller caller = tokens.caller(req);
        UUID id = RequestParams.uuid(req, "id");
        Instant now = clock.instant();
        db.inTransactionRun(tx -> {
            if (!ctas.delete(tx, caller.organisationId(), id)) {
                throw ApiException.notFound("CTA");
            }
            audit.record(tx, caller.organisationId(), caller.userId(), "cta.deleted", "cta", id, now);
        });
        res.status(Status.NO_CONTENT_204).send();
    }

    /** The bot names a CTA and the match ignores case and spacing, so two such names would be one. */
    private void refuseLookalike(Tx tx, Caller caller, String name, UUID except) {
        ctas.findNamedLike(tx, caller.organisationId(), name, except).ifPresent(other -> {
            throw ApiException.conflict("A CTA named '" + other.name() + "' already exists; choose another name");
        });
    }

    /** The request merged onto {@code current} (null for a new CTA), or a 400 naming every bad field. */
    private static CtaRepository.Values valid(CtaRequest body, Cta current) {
        String name = body.name() != null ? body.name().strip() : current == null ? null : current.name();
        String type = body.ctaType() != null ? body.ctaType() : current == null ? null : current.type();
        String description = body.description() != null ? blankToNull(body.description())
                : current == null ? null : current.description();
        String url = body.url() != null ? blankToNull(body.url()) : current == null ? null : current.url();
        boolean active = body.isActive() != null ? body.isActive() : current == null || current.active();
        new Fields()
                .required("name", name)
                .maxLength("name", name, MAX_NAME)
                .required("cta_type", type)
                .check(type == null || CtaType.parse(type).isPresent(), "cta_type must be one of " + CtaType.ids())
                .maxLength("description", description, MAX_DESCRIPTION)
                .maxLength("url", url, MAX_URL)
                .httpUrl("url", url, "https://example.com/book")
                .validate();
        return new CtaRepository.Values(name, CtaType.parse(type).orElseThrow().id(), description, url, active);
    }

    private static String blankToNull(String value) {
        return value.isBlank() ? null : value.strip();
    }
}
