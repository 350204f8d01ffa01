package dev.funnel.backend.leads;

import dev.funnel.backend.audit.AuditLog;
import dev.funnel.backend.auth.Caller;
import dev.funnel.backend.db.Db;
import dev.funnel.backend.http.ApiException;
import dev.funnel.backend.http.Fields;
import dev.funnel.backend.http.RequestParams;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A CSV import of leads. Each row stands on its own: a valid row with a new phone adds a lead; a
 * row whose phone is already a lead (or an earlier row's) fills that lead's empty name, email and
 * company and never overwrites them ({@code updated}; {@code unchanged} when it had nothing to add);
 * an invalid row is reported with its problems. All of it is written in one transaction.
 */
final class LeadImport {

    static final long MAX_BYTES = 5L * 1024 * 1024;

    /** A row that was not imported and why; {@code row} counts the header as row 1. */
    record Failure(long row, List<String> errors) {
    }

    record Result(int imported, int updated, int unchanged, List<Failure> failed) {
    }

    private final Db db;
    private final LeadRepository leads;
    private final AuditLog audit;

    LeadImport(Db db, LeadRepository leads, AuditLog audit) {
        this.db = db;
        this.leads = leads;
        this.audit = audit;
    }

    Result run(ServerRequest req, Caller caller, Instant now) {
        List<LeadCsv.Row> rows = LeadCsv.read(body(req));
        List<Failure> failed = new ArrayList<>();
        List<LeadValues.NewLead> valid = new ArrayList<>();
        for (LeadCsv.Row row : rows) {
            Fields fields = new Fields();
            LeadValues.NewLead lead = LeadValues.newLead(fields, row.phone(), row.name(), row.email(), row.company());
            if (fields.problems().isEmpty()) {
                valid.add(lead);
            } else {
                failed.add(new Failure(row.number(), fields.problems()));
            }
        }
        return db.inTransaction(tx -> {
            Map<String, Profile> known = new HashMap<>();
            leads.realLeadsByPhone(tx, caller.organisationId()).forEach((phone, lead) ->
                    known.put(phone, new Profile(lead.name(), lead.email(), lead.company())));
            int imported = 0;
            int updated = 0;
            for (LeadValues.NewLead lead : valid) {
                Profile profile = known.get(lead.phone());
                boolean added = profile == null && leads.create(tx, caller.organisationId(), lead.phone(), lead.name(),
                        lead.email(), lead.company(), now).isPresent();
                if (added) {
                    imported++;
                } else if (profile == null || profile.fillsIn(lead)) {
                    // profile == null: the lead was made since the map was read (its first WhatsApp message)
                    leads.fillEmpty(tx, caller.organisationId(), lead.phone(), lead.name(), lead.email(),
                            lead.company(), now);
                    updated++;
                }
                known.put(lead.phone(), (profile == null ? Profile.NONE : profile).filledFrom(lead));
            }
            Result result = new Result(imported, updated, valid.size() - imported - updated, failed);
            audit.record(tx, caller.organisationId(), caller.userId(), "lead.import", "lead", null,
                    Map.of("imported", imported, "updated", updated, "failed", failed.size()), now);
            return result;
        });
    }

    /** What an import may fill in of a lead it finds. */
    private record Profile(String name, String email, String company) {

        static final Profile NONE = new Profile(null, null, null);

        boolean fillsIn(LeadValues.NewLead lead) {
            return name == null && lead.name() != null || email == null && lead.email() != null
                    || company == null && lead.company() != null;
        }

        Profile filledFrom(LeadValues.NewLead lead) {
            return new Profile(name != null ? name : lead.name(), email != null ? email : lead.email(),
                    company != null ? company : lead.company());
        }
    }

    /** The request's CSV text, UTF-8 (a byte order mark is dropped). */
    private static String body(ServerRequest req) {
        String type = req.headers().contentType().map(t -> t.mediaType().text().toLowerCase(Locale.ROOT)).orElse("");
        if (!type.equals("text/csv") && !type.equals("text/plain")) {
            throw new ApiException(Status.UNSUPPORTED_MEDIA_TYPE_415, "Send the leads as a CSV file"
                    + " (Content-Type: text/csv)");
        }
        byte[] bytes = RequestParams.body(req, MAX_BYTES, LeadImport::tooLarge);
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            if (text.isBlank()) {
                throw ApiException.badRequest("The CSV is empty: send a header row and one row per lead");
            }
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw ApiException.badRequest("The CSV must be UTF-8 text: save it as 'CSV UTF-8' and try again");
        }
    }

    private static ApiException tooLarge() {
        return new ApiException(Status.REQUEST_ENTITY_TOO_LARGE_413,
                "An import takes at most 5 MB: split the file");
    }
}
