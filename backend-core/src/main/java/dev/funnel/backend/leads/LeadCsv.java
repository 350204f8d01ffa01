package dev.funnel.backend.leads;

import dev.funnel.backend.http.ApiException;
import io.helidon.http.Status;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The leads CSV (RFC 4180, through Apache Commons CSV). An import reads a header row naming
 * {@code phone} and optionally {@code name}, {@code email}, {@code company} in any case and order
 * (other columns are ignored); an export writes those and the lead's state. Cells a spreadsheet
 * would run as a formula are written with a leading quote, which an import takes off again.
 */
final class LeadCsv {

    static final int MAX_ROWS = 50_000;
    static final List<String> EXPORT_HEADER = List.of("phone", "name", "email", "company", "stage",
            "intent_level", "sentiment", "created_at");

    /** What a spreadsheet starts a formula with (OWASP's list for CSV injection). */
    private static final String FORMULA_STARTS = "=+-@\t\r";

    /** One data row; {@code number} counts the header as row 1, as a spreadsheet shows the file. */
    record Row(long number, String phone, String name, String email, String company) {
    }

    private LeadCsv() {
    }

    /**
     * The data rows of an import, blank lines skipped.
     *
     * @throws ApiException 400 when there is no header naming a phone column or the CSV is malformed,
     *                      413 when it has more than {@link #MAX_ROWS} rows
     */
    static List<Row> read(String text) {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreHeaderCase(true).setIgnoreEmptyLines(true).setTrim(true)
                .setAllowMissingColumnNames(true).get();
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            if (!parser.getHeaderMap().containsKey("phone")) {
                throw ApiException.badRequest("The first row must be a header naming the columns, with a 'phone'"
                        + " column (name, email and company are optional)");
            }
            for (CSVRecord record : parser) {
                if (rows.size() == MAX_ROWS) {
                    throw new ApiException(Status.REQUEST_ENTITY_TOO_LARGE_413, "An import takes at most "
                            + MAX_ROWS + " rows: split the file");
                }
                Row row = new Row(record.getRecordNumber() + 1, cell(record, "phone"), cell(record, "name"),
                        cell(record, "email"), cell(record, "company"));
                if (row.phone() != null || row.name() != null || row.email() != null || row.company() != null) {
                    rows.add(row);
                }
            }
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("The CSV header cannot be read: " + e.getMessage());
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw ApiException.badRequest("The CSV is malformed after row " + (rows.isEmpty() ? 1
                    : rows.getLast().number()) + ": check its quotes");
        }
        return rows;
    }

    static void write(List<Lead> leads, Writer out) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader(EXPORT_HEADER.toArray(String[]::new)).get();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            for (Lead lead : leads) {
                printer.printRecord(guard(lead.phone()), guard(lead.name()), guard(lead.email()),
                        guard(lead.company()), lead.stage(), lead.intentLevel(), lead.sentiment(),
                        text(lead.createdAt()));
            }
        }
    }

    /** A cell a spreadsheet would evaluate, made text by a leading quote. */
    static String guard(String cell) {
        if (cell == null || cell.isEmpty()) {
            return "";
        }
        return FORMULA_STARTS.indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }

    /** The value a guarded cell stood for. */
    static String unguard(String cell) {
        if (cell != null && cell.length() > 1 && cell.charAt(0) == '\'' && FORMULA_STARTS.indexOf(cell.charAt(1)) >= 0) {
            return cell.substring(1);
        }
        return cell;
    }

    private static String cell(CSVRecord record, String column) {
        if (!record.isSet(column)) {
            return null;
        }
        String value = unguard(record.get(column));
        return value == null || value.isBlank() ? null : value;
    }

    private static String text(Instant instant) {
        return instant == null ? "" : instant.toString();
    }
}
