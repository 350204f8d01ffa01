package dev.funnel.backend.leads;

import dev.funnel.backend.http.Fields;
import java.util.regex.Pattern;

/**
 * A lead's values as a person gives them (a request or an import row), checked one way everywhere:
 * text trimmed with blank meaning none, the phone normalised, the states one of the pipeline's.
 */
final class LeadValues {

    static final int MAX_NAME = 200;
    static final int MAX_EMAIL = 320;
    static final int MAX_COMPANY = 200;

    /** Something@domain.tld without spaces: a typo check, not a deliverability check. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");

    /** A new lead's values, normalised; meaningful only when {@code fields} found no problem. */
    record NewLead(String phone, String name, String email, String company) {
    }

    private LeadValues() {
    }

    static NewLead newLead(Fields fields, String phone, String name, String email, String company) {
        return new NewLead(phone(fields, phone), text(fields, "name", name, MAX_NAME), email(fields, email),
                text(fields, "company", company, MAX_COMPANY));
    }

    static String phone(Fields fields, String raw) {
        if (raw == null || raw.isBlank()) {
            fields.check(false, "phone is required");
            return null;
        }
        return PhoneNumbers.normalise(raw).orElseGet(() -> {
            fields.check(false, "phone " + PhoneNumbers.RULE);
            return null;
        });
    }

    static String text(Fields fields, String name, String raw, int max) {
        String value = blankToNull(raw);
        fields.maxLength(name, value, max);
        return value;
    }

    static String email(Fields fields, String raw) {
        String value = blankToNull(raw);
        fields.maxLength("email", value, MAX_EMAIL)
                .check(value == null || EMAIL.matcher(value).matches(), "email must be an address like name@example.com");
        return value;
    }

    private static String blankToNull(String raw) {
        return raw == null || raw.isBlank() ? null : raw.strip();
    }
}
