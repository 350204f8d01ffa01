package dev.funnel.backend.webhook;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The fixtures' {@code MANIFEST.tsv}: one row per body with what a correct parser gets out of it. Fields
 * may be wrapped in double quotes, with a doubled quote standing for one (the usual TSV/CSV quoting).
 */
final class Manifest {

    record Row(String file, String category, String expected) {
        @Override
        public String toString() {
            return file;
        }
    }

    private Manifest() {
    }

    static List<Row> load() {
        List<List<String>> records = parse(Fixtures.text("MANIFEST.tsv"));
        List<String> header = records.getFirst();
        Map<String, Integer> column = IntStream.range(0, header.size()).boxed()
                .collect(Collectors.toMap(header::get, i -> i));
        return records.stream().skip(1)
                .map(fields -> new Row(fields.get(column.get("file")), fields.get(column.get("category")),
                        fields.get(column.get("expected"))))
                .toList();
    }

    /** Splits TSV text into records of fields; a quoted field may hold tabs, newlines and quotes. */
    static List<List<String>> parse(String tsv) {
        List<List<String>> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldStart = true;
        for (int i = 0; i < tsv.length(); i++) {
            char c = tsv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < tsv.length() && tsv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && fieldStart) {
                quoted = true;
                fieldStart = false;
            } else if (c == '\t') {
                fields.add(field.toString());
                field.setLength(0);
                fieldStart = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < tsv.length() && tsv.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                records.add(List.copyOf(fields));
                fields.clear();
                field.setLength(0);
                fieldStart = true;
            } else {
                field.append(c);
                fieldStart = false;
            }
        }
        if (!fieldStart || !fields.isEmpty() || !field.isEmpty()) {
            fields.add(field.toString());
            records.add(List.copyOf(fields));
        }
        return records;
    }
}
