package dev.funnel.backend.organisations;

import dev.funnel.backend.http.Fields;
import dev.funnel.backend.templates.Template;
import dev.funnel.backend.templates.TemplateComponents;
import dev.funnel.backend.templates.TemplateSends;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The approved template a follow-up sends once the lead's 24-hour window has closed, and where each of its
 * values comes from: a source per header and body variable ({@link #LEAD_NAME}, {@link #BUSINESS_NAME} or
 * {@code custom:<text>}) and a {@code custom:<text>} per URL button ending in {{1}}.
 *
 * @param nameFallback the word {@link #LEAD_NAME} stands for when the lead's name is unknown ("Hi there")
 */
public record FollowupTemplate(UUID templateId, List<String> header, List<String> body, List<String> buttons,
                               String nameFallback) {

    /** The lead's first name, from their WhatsApp profile. */
    public static final String LEAD_NAME = "lead_name";
    /** The organisation's name. */
    public static final String BUSINESS_NAME = "business_name";
    /** A fixed text the admin typed after the colon. */
    public static final String CUSTOM = "custom:";
    static final String FIELD = "followup_template";
    static final String DEFAULT_NAME_FALLBACK = "there";
    private static final int MAX_NAME_FALLBACK = 60;
    private static final Pattern SPACE = Pattern.compile("\\s+");

    public FollowupTemplate {
        header = header == null ? List.of() : header;
        body = body == null ? List.of() : body;
        buttons = buttons == null ? List.of() : buttons;
        nameFallback = nameFallback == null ? DEFAULT_NAME_FALLBACK : nameFallback.strip();
    }

    /** The values for one lead, in the order {@link TemplateSends} takes them. */
    public TemplateSends.Parameters parameters(String leadName, String businessName) {
        String firstName = leadName == null || leadName.isBlank() ? nameFallback
                : SPACE.split(leadName.strip(), 2)[0];
        return new TemplateSends.Parameters(resolve(header, firstName, businessName),
                resolve(body, firstName, businessName), resolve(buttons, firstName, businessName));
    }

    private static List<String> resolve(List<String> sources, String firstName, String businessName) {
        return sources.stream().map(source -> switch (source) {
            case LEAD_NAME -> firstName;
            case BUSINESS_NAME -> businessName;
            default -> source.substring(CUSTOM.length());
        }).toList();
    }

    /**
     * Adds a problem under {@value #FIELD} for what would keep the follow-up from sending: a template the
     * organisation does not have or Meta has not approved, a source too many or too few, one that is not
     * known, a button value that is not a fixed text.
     */
    void check(Fields fields, Optional<Template> template) {
        fields.check(FIELD, templateId != null, FIELD + ".template_id is required (a null " + FIELD
                        + " means none: a person then decides on each follow-up outside the 24-hour window)")
                .check(FIELD, templateId == null || template.isPresent(),
                        FIELD + ".template_id is not a template of this organisation")
                .check(FIELD, !nameFallback.isBlank() && nameFallback.length() <= MAX_NAME_FALLBACK, FIELD
                        + ".name_fallback must be 1 to " + MAX_NAME_FALLBACK + " characters: it stands for the name "
                        + "of a lead whose WhatsApp profile gives none");
        if (template.isEmpty()) {
            return;
        }
        Template t = template.get();
        fields.check(FIELD, Template.APPROVED.equals(t.status()), FIELD + ".template_id must be an APPROVED "
                + "template (" + t.name() + " is " + t.status() + ")");
        TemplateComponents components = t.components();
        count(fields, "header", header, components.headerVariables(), true);
        count(fields, "body", body, components.bodyVariables(), true);
        count(fields, "buttons", buttons, components.dynamicUrlButtons().size(), false);
    }

    private static void count(Fields fields, String part, List<String> sources, int expected, boolean anySource) {
        String name = FIELD + "." + part;
        fields.check(FIELD, sources.size() == expected, name + " needs " + expected + " source(s), one for each "
                + (anySource ? "variable" : "URL button ending in {{1}}") + " (" + sources.size() + " given)");
        for (int i = 0; i < sources.size(); i++) {
            String source = sources.get(i) == null ? "" : sources.get(i);
            boolean custom = source.startsWith(CUSTOM) && !source.substring(CUSTOM.length()).isBlank();
            boolean known = custom || (anySource && (source.equals(LEAD_NAME) || source.equals(BUSINESS_NAME)));
            fields.check(FIELD, known, name + "[" + i + "] must be " + (anySource ? LEAD_NAME + ", " + BUSINESS_NAME
                            + " or " : "") + CUSTOM + "<text> with the text after the colon")
                    .check(FIELD, source.length() <= CUSTOM.length() + TemplateSends.MAX_VALUE, name + "[" + i
                            + "] must be at most " + TemplateSends.MAX_VALUE + " characters after " + CUSTOM);
        }
    }
}
