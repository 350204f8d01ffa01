package dev.funnel.backend.templates;

import dev.funnel.backend.audit.AuditLog;
import dev.funnel.backend.auth.Caller;
import dev.funnel.backend.auth.Tokens;
import dev.funnel.backend.db.Db;
import dev.funnel.backend.db.Tx;
import dev.funnel.backend.http.ApiException;
import dev.funnel.backend.http.Fields;
import dev.funnel.backend.http.Json;
import dev.funnel.backend.http.RequestParams;
import dev.funnel.backend.security.TokenCipher;
import dev.funnel.backend.whatsapp.GraphTemplates;
import dev.funnel.backend.whatsapp.Integration;
import dev.funnel.backend.whatsapp.IntegrationRepository;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The organisation's WhatsApp message templates: written here as drafts, submitted to Meta for review,
 * their status fetched or synced from Meta (status webhooks are applied by the ingestion). Meta is
 * called outside any transaction; what it answered is stored in one.
 */
public final class TemplatesService implements HttpService {

    private static final Pattern NAME = Pattern.compile("[a-z0-9_]+");
    private static final int MAX_NAME = 512;
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(_[A-Z]{2,4})?");

    /** A new template, or a change to one: absent fields are left as they are. */
    record TemplateRequest(String name, String language, String category,
                           List<TemplateComponents.Component> components) {
    }

    record SyncOut(int created, int updated, int skipped, List<TemplateOut> templates) {
    }

    /** The business account templates belong to, and the token to manage them with. */
    private record Account(String businessAccountId, String accessToken) {
    }

    private record Ready(Template template, Account account) {
    }

    private final Db db;
    private final Tokens tokens;
    private final TokenCipher cipher;
    private final GraphTemplates meta;
    private final Clock clock;
    private final TemplateRepository templates = new TemplateRepository();
    private final IntegrationRepository integrations = new IntegrationRepository();
    private final AuditLog audit = new AuditLog();

    public TemplatesService(Db db, Tokens tokens, TokenCipher cipher, GraphTemplates meta, Clock clock) {
        this.db = db;
        this.tokens = tokens;
        this.cipher = cipher;
        this.meta = meta;
        this.clock = clock;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::list)
                .post("/", this::create)
                .post("/sync", this::sync)
                .get("/{id}", this::get)
                .patch("/{id}", this::update)
                .delete("/{id}", this::delete)
                .post("/{id}/submit", this::submit)
                .post("/{id}/refresh", this::refresh);
    }

    private void list(ServerRequest req, ServerResponse res) {
        Caller caller = tokens.caller(req);
        Json.ok(res, db.inTransaction(tx -> templates.list(tx, caller.organisationId())).stream()
                .map(TemplateOut::of).toList());
    }

    private void get(ServerRequest req, ServerResponse res) {
        Caller caller = tokens.caller(req);
        UUID id = RequestParams.uuid(req, "id");
        Json.ok(res, TemplateOut.of(db.inTransaction(tx -> find(tx, caller, id))));
    }

    private void create(ServerRequest req, ServerResponse res) {
        Caller caller = tokens.caller(req);
        TemplateRepository.Draft draft = valid(Json.read(req, TemplateRequest.class), null);
        Instant now = clock.instant();
        Template created = db.inTransaction(tx -> {
            refuseTaken(tx, caller, draft, null);
            Template t = templates.create(tx, caller.organisationId(), draft, now);
            audit.record(tx, caller.organisationId(), caller.userId(), "template.created", "template", t.id(), now);
            return t;
        });
        Json.send(res, Status.CREATED_201, TemplateOut.of(created));
    }

    private void update(ServerRequest req, ServerResponse res) {
        Caller caller = tokens.caller(req);
        UUID id = RequestParams.uuid(req, "id");
        TemplateRequest body = Json.read(req, TemplateRequest.class);
        Instant now = clock.instant();
        Template updated = db.inTransaction(tx -> {
            Template current = find(tx, caller, id);
            if (!current.editable()) {
                throw ApiException.conflict("Only a DRAFT or REJECTED template can be changed; this one is "
                        + current.status());
            }
            TemplateRepository.Draft draft = valid(body, current);
            if (current.metaTemplateId() != null && !(draft.name().equals(current.name())
                    && draft.language().equals(current.language()))) {
                throw ApiException.badRequest("name and language cannot change once Meta has the template;"
                        + " create a new template instead");
            }
            refuseTaken(tx, caller, draft, id);
            Template t = templates.updateDraft(tx, current, draft, now);
            audit.record(tx, caller.organisationId(), caller.userId(), "template.updated", "template", id, now);
            return t;
        });
        Json.ok(res, TemplateOut.of(updated));
    }

    /** A template Meta has is deleted there first (by its id, so other languages of the name stay). */
    private void delete(ServerRequest req, ServerResponse res) {
        Caller caller = tokens.caller(req);
        UUID id = RequestParams.uuid(req, "id");
        Template template = db.inTransaction(tx -> find(tx, caller, id));
        if (template.metaTemplateId() != null) {
            Account account = db.inTransaction(tx -> account(tx, caller.organisationId()));
            meta.delete(account.businessAccountId(), account.accessToken(), template.name(),
                    template.metaTemplateId());
        }
        Instant now = clock.instant();
        db.inTransactionRun(tx -> {
            if (templates.delete(tx, caller.organisationId(), id)) {
                audit.record(tx, caller.organisationId(), caller.userId(), "template.deleted", "template", id, now);
            }
        });
        res.status(Status.NO_CONTENT_204).send();
    }

    /** A new template is created at Meta; a rejected one Meta already has is sent back as an edit. */
    private void submit(ServerRequest req, ServerResponse res) {
        Caller caller = tokens.caller(req);
        UUID id = RequestParams.uuid(req, "id");
        Ready ready = ready(caller, id, t -> {
            if (!t.editable()) {
                throw ApiException.conflict("Only a DRAFT or REJECTED template can be submitted; this one is "
                        + t.status());
            }
        });
        Template t = ready.template();
        Account account = ready.account();
        String metaId;
        String status;
        if (t.metaTemplateId() == null) {
            GraphTemplates.Submitted submitted = meta.create(account.businessAccountId(), account.accessToken(),
                    t.name(), t.language(), t.category(), Json.tree(t.componentsJson()));
            metaId = submitted.id();
            status = submitted.status();
        } else {
            meta.edit(t.metaTemplateId(), account.accessToken(), t.category(), Json.tree(t.componentsJson()));
            metaId = t.metaTemplateId();
            status = Template.PENDING;
        }
        Instant now = clock.instant();
        Template submitted = db.inTransaction(tx -> {
            Template stored = templates.markSubmitted(tx, t, metaId, status, now);
            audit.record(tx, caller.organisationId(), caller.userId(), "template.submitted", "template", id, now);
            return stored;
        });
        Json.ok(res, TemplateOut.of(submitted));
    }

    private void refresh(ServerRequest req, ServerResponse res) {
        Caller caller = tokens.caller(req);
        UUID id = RequestParams.uuid(req, "id");
        Ready ready = ready(caller, id, t -> {
            if (t.metaTemplateId() == null) {
                throw ApiException.conflict("This template has not been submitted to Meta yet: submit it first");
            }
        });
        GraphTemplates.Status status = meta.status(ready.template().metaTemplateId(), ready.account().accessToken());
        Instant now = clock.instant();
        Template refreshed = db.inTransaction(tx -> {
            Template t = templates.setStatus(tx, ready.template(), status.status(), status.rejectedReason(), now);
            audit.record(tx, caller.organisationId(), caller.userId(), "template.refreshed", "template", id, now);
            return t;
        });
        Json.ok(res, TemplateOut.of(refreshed));
    }

    /** Meta's list of the account's templates brought in by (name, language); ours that Meta lacks stay. */
    private void sync(ServerRequest req, ServerResponse res) {
        Caller caller = tokens.caller(req);
        Account account = db.inTransaction(tx -> account(tx, caller.organisationId()));
        List<GraphTemplates.MetaTemplate> listed = meta.list(account.businessAccountId(), account.accessToken());
        Instant now = clock.instant();
        SyncOut out = db.inTransaction(tx -> {
            int created = 0;
            int updated = 0;
            int skipped = 0;
            for (GraphTemplates.MetaTemplate m : listed) {
                if (!Template.CATEGORIES.contains(m.category()) || m.name().length() > MAX_NAME
                        || m.language().length() > 20 || m.status().length() > 20) {
                    skipped++;
                    continue;
                }
                switch (templates.upsert(tx, caller.organisationId(), new TemplateRepository.FromMeta(m.id(),
                        m.name(), m.language(), m.category(), m.status(), m.rejectedReason(),
                        m.components().isArray() ? m.components().toString() : "[]"), now)) {
                    case CREATED -> created++;
                    case UPDATED -> updated++;
                    case UNCHANGED -> {
                        // nothing to count
                    }
                }
            }
            audit.record(tx, caller.organisationId(), caller.userId(), "templates.synced", "template", null, now);
            return new SyncOut(created, updated, skipped,
                    templates.list(tx, caller.organisationId()).stream().map(TemplateOut::of).toList());
        });
        Json.ok(res, out);
    }

    /** A template to take to Meta, once {@code check} has found nothing against it, with the account to use. */
    private Ready ready(Caller caller, UUID id, Consumer<Template> check) {
        return db.inTransaction(tx -> {
            Template t = find(tx, caller, id);
            check.accept(t);
            return new Ready(t, account(tx, caller.organisationId()));
        });
    }

    private Template find(Tx tx, Caller caller, UUID id) {
        return templates.find(tx, caller.organisationId(), id).orElseThrow(() -> ApiException.notFound("Template"));
    }

    private void refuseTaken(Tx tx, Caller caller, TemplateRepository.Draft draft, UUID except) {
        templates.findByName(tx, caller.organisationId(), draft.name(), draft.language())
                .filter(other -> !other.id().equals(except))
                .ifPresent(other -> {
                    throw ApiException.conflict("A template named " + draft.name() + " in " + draft.language()
                            + " already exists");
                });
    }

    private Account account(Tx tx, UUID organisationId) {
        Integration integration = integrations.find(tx, organisationId).filter(Integration::connected)
                .orElseThrow(() -> ApiException.conflict(
                        "WhatsApp is not connected: connect your number in Settings > WhatsApp first"));
        if (integration.businessAccountId() == null) {
            throw ApiException.conflict("Templates belong to your WhatsApp Business Account: set business_account_id"
                    + " (the WhatsApp Business Account id shown in Meta's WhatsApp Manager) in Settings > WhatsApp");
        }
        return new Account(integration.businessAccountId(), cipher.decrypt(integration.accessTokenEncrypted()));
    }

    /** The request merged onto {@code current} (null for a new template), or a 400 naming every bad field. */
    private static TemplateRepository.Draft valid(TemplateRequest body, Template current) {
        String name = body.name() != null ? body.name().strip() : current == null ? null : current.name();
        String language = body.language() != null ? body.language().strip() : current == null ? null
                : current.language();
        String category = body.category() != null ? body.category().strip().toUpperCase(Locale.ROOT)
                : current == null ? null : current.category();
        TemplateComponents components = body.components() != null
                ? new TemplateComponents(body.components()).normalised()
                : current == null ? new TemplateComponents(List.of()) : current.components();
        Fields fields = new Fields()
                .required("name", name)
                .maxLength("name", name, MAX_NAME)
                .check(name == null || name.isEmpty() || NAME.matcher(name).matches(),
                        "name must use only lowercase letters, digits and underscores, e.g. order_update")
                .required("language", language)
                .check(language == null || language.isEmpty() || LANGUAGE.matcher(language).matches(),
                        "language must be a language code Meta supports, such as en, en_US or pt_BR")
                .required("category", category)
                .check(category == null || category.isEmpty() || Template.CATEGORIES.contains(category),
                        "category must be one of " + String.join(", ", Template.CATEGORIES));
        components.validate(fields);
        fields.validate();
        return new TemplateRepository.Draft(name, language, category, components.json());
    }
}
