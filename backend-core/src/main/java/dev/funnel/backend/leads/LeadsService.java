package dev.funnel.backend.leads;

import com.fasterxml.jackson.databind.JsonNode;
import dev.funnel.backend.audit.AuditLog;
import dev.funnel.backend.auth.Caller;
import dev.funnel.backend.auth.Tokens;
import dev.funnel.backend.conversations.ConversationEvents;
import dev.funnel.backend.conversations.ConversationRepository;
import dev.funnel.backend.db.Db;
import dev.funnel.backend.http.ApiException;
import dev.funnel.backend.http.Fields;
import dev.funnel.backend.http.Json;
import dev.funnel.backend.http.RequestParams;
import dev.funnel.backend.pipeline.StateFields;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The organisation's leads: list and search, add, change, delete, and CSV import and export. */
public final class LeadsService implements HttpService {

    private static final int MAX_PAGE = 500;

    /** A page of leads and how many match in all. */
    record Page(List<LeadOut> items, int total, int limit, int offset) {
    }

    private final Db db;
    private final Tokens tokens;
    private final ConversationEvents events;
    private final Clock clock;
    private final LeadRepository leads = new LeadRepository();
    private final ConversationRepository conversations = new ConversationRepository();
    private final LeadImport imports;
    private final AuditLog audit = new AuditLog();

    public LeadsService(Db db, Tokens tokens, ConversationEvents events, Clock clock) {
        this.db = db;
        this.tokens = tokens;
        this.events = events;
        this.clock = clock;
        this.imports = new LeadImport(db, leads, audit);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::list)
                .post("/", this::create)
                .get("/export", this::export)
                .post("/import", this::importCsv)
                .get("/{id}", this::get)
                .patch("/{id}", this::update)
                .delete("/{id}", this::delete);
    }

    private void list(ServerRequest req, ServerResponse res) {
        Caller caller = tokens.caller(req);
        LeadRepository.Search search = search(req);
        int limit = RequestParams.limit(req, 50, MAX_PAGE);
        int offset = RequestParams.offset(req);
        Page page = db.inTransaction(tx -> new Page(
                leads.search(tx, caller.organisationId(), search, limit, offset).stream().map(LeadOut::of).toList(),
                leads.count(tx, caller.organisationId(), search), limit, offset));
        Json.ok(res, page);
    }

    private void create(ServerRequest req, ServerResponse res) {
        Caller caller = tokens.caller(req);
        JsonNode body = Json.read(req, JsonNode.class);
        Fields fields = new Fields();
        LeadValues.NewLead lead = LeadValues.newLead(fields, text(body, "phone", fields), text(body, "name", fields),
                text(body, "email", fields), text(body, "company", fields));
        fields.validate();
        Instant now = clock.instant();
        Lead created = db.inTransaction(tx -> {
            UUID id = leads.create(tx, caller.organisationId(), lead.phone(), lead.name(), lead.email(),
                    lead.company(), now).orElseThrow(() -> ApiException.conflict("A lead with phone " + lead.phone()
                    + " already exists: change that one instead"));
            audit.record(tx, caller.organisationId(), caller.userId(), "lead.create", "lead", id, now);
            return leads.find(tx, caller.organisationId(), id).orElseThrow();
        });
        Json.send(res, Status.CREATED_201, LeadOut.of(created));
    }

    private void get(ServerRequest req, ServerResponse res) {
        Caller caller = tokens.caller(req);
        UUID id = RequestParams.uuid(req, "id");
        Lead lead = db.inTransaction(tx -> leads.find(tx, caller.organisationId(), id))
                .orElseThrow(() -> ApiException.notFound("Lead"));
        Json.ok(res, LeadOut.of(lead));
    }

    private void update(ServerRequest req, ServerResponse res) {
        Caller caller = tokens.caller(req);
        UUID id = RequestParams.uuid(req, "id");
        Map<LeadField, String> changes = changes(Json.read(req, JsonNode.class));
        Instant now = clock.instant();
        Lead updated = db.inTransaction(tx -> {
            leads.find(tx, caller.organisationId(), id).orElseThrow(() -> ApiException.notFound("Lead"));
            leads.update(tx, id, changes, now);
            audit.record(tx, caller.organisationId(), caller.userId(), "lead.update", "lead", id,
                    Map.of("fields", changes.keySet().stream().map(LeadField::json).toList()), now);
            return leads.find(tx, caller.organisationId(), id).orElseThrow();
        });
        // the inbox shows the lead's name and state: consoles update their row
        Optional.ofNullable(updated.conversationId())
                .flatMap(conversationId -> db.inTransaction(tx ->
                        conversations.find(tx, caller.organisationId(), conversationId)))
                .ifPresent(events::conversationUpdated);
        Json.ok(res, LeadOut.of(updated));
    }

    private void delete(ServerRequest req, ServerResponse res) {
        Caller caller = tokens.caller(req);
        UUID id = RequestParams.uuid(req, "id");
        Instant now = clock.instant();
        db.inTransactionRun(tx -> {
            if (!leads.delete(tx, caller.organisationId(), id)) {
                throw ApiException.notFound("Lead");
            }
            audit.record(tx, caller.organisationId(), caller.userId(), "lead.delete", "lead", id, now);
        });
        res.status(Status.NO_CONTENT_204).send();
    }

    private void importCsv(ServerRequest req, ServerResponse res) {
        Caller caller = tokens.caller(req);
        Json.ok(res, imports.run(req, caller, clock.instant()));
    }

    private void export(ServerRequest req, ServerResponse res) {
        Caller caller = tokens.caller(req);
        LeadRepository.Search search = search(req);
        List<Lead> all = db.inTransaction(tx -> leads.all(tx, caller.organisationId(), search)).stream()
                .filter(lead -> !lead.simulated()).toList();
        res.header(HeaderNames.CONTENT_TYPE, "text/csv; charset=utf-8");
        res.header(HeaderNames.CONTENT_DISPOSITION, "attachment; filename=\"leads.csv\"");
        try (Writer out = new OutputStreamWriter(res.outputStream(), StandardCharsets.UTF_8)) {
            LeadCsv.write(all, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static LeadRepository.Search search(ServerRequest req) {
        Fields fields = new Fields();
        LeadRepository.Search search = new LeadRepository.Search(
                StateFields.stage(fields, "stage", query(req, "stage")),
                StateFields.intentLevel(fields, "intent_level", query(req, "intent_level")),
                StateFields.sentiment(fields, "sentiment", query(req, "sentiment")),
                query(req, "q"));
        fields.validate();
        return search;
    }

    private static String query(ServerRequest req, String name) {
        return req.query().first(name).filter(value -> !value.isBlank()).orElse(null);
    }

    /** The fields a PATCH names, checked; a field set to null is cleared (the state fields cannot be). */
    private static Map<LeadField, String> changes(JsonNode body) {
        Fields fields = new Fields();
        fields.check(body.isObject(), "the body must be a JSON object");
        Map<LeadField, String> changes = new EnumMap<>(LeadField.class);
        body.properties().forEach(entry -> {
            Optional<LeadField> field = LeadField.byJson(entry.getKey());
            if (field.isEmpty()) {
                fields.check(false, entry.getKey() + " cannot be changed (name, email, company, stage, intent_level"
                        + " and sentiment can)");
                return;
            }
            String raw = text(body, entry.getKey(), fields);
            String name = entry.getKey();
            switch (field.get()) {
                case NAME -> changes.put(LeadField.NAME, LeadValues.text(fields, name, raw, LeadValues.MAX_NAME));
                case EMAIL -> changes.put(LeadField.EMAIL, LeadValues.email(fields, raw));
                case COMPANY -> changes.put(LeadField.COMPANY,
                        LeadValues.text(fields, name, raw, LeadValues.MAX_COMPANY));
                case STAGE -> changes.put(LeadField.STAGE, required(fields, name, raw,
                        StateFields.stage(fields, name, raw)));
                case INTENT_LEVEL -> changes.put(LeadField.INTENT_LEVEL, required(fields, name, raw,
                        StateFields.intentLevel(fields, name, raw)));
                case SENTIMENT -> changes.put(LeadField.SENTIMENT, required(fields, name, raw,
                        StateFields.sentiment(fields, name, raw)));
            }
        });
        fields.check(!body.isObject() || !body.isEmpty(),
                "name a field to change: name, email, company, stage, intent_level or sentiment");
        fields.validate();
        return changes;
    }

    private static String required(Fields fields, String name, String raw, String value) {
        fields.check(raw != null, name + " cannot be empty");
        return value;
    }

    /** A string field of a JSON body; null when absent or null, a problem when it is not a string. */
    private static String text(JsonNode body, String name, Fields fields) {
        JsonNode value = body.path(name);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        fields.check(value.isTextual(), name + " must be a string");
        return value.isTextual() ? value.asText() : null;
    }
}
