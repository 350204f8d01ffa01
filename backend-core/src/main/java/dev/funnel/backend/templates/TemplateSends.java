package dev.funnel.backend.templates;

import dev.funnel.backend.db.Tx;
import dev.funnel.backend.http.ApiException;
import dev.funnel.backend.http.Fields;
import dev.funnel.backend.whatsapp.TemplateMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Turns a person's choice of template and values into the message WhatsApp takes and the text the console shows. */
public final class TemplateSends {

    /** Which template (by id, or by name and language) and the values for its variables. */
    public record Request(UUID id, String name, String language, Parameters parameters) {
    }

    /** Values in order: the header's {{1}}, the body's {{1}}..{{n}}, one per URL button ending in {{1}}. */
    public record Parameters(List<String> header, List<String> body, List<String> buttons) {

        public Parameters {
            header = header == null ? List.of() : header;
            body = body == null ? List.of() : body;
            buttons = buttons == null ? List.of() : buttons;
        }
    }

    /** Ready to record and send: the message for Meta and its text as the lead reads it. */
    public record Prepared(TemplateMessage message, String renderedText) {
    }

    /** The longest value of one variable. */
    public static final int MAX_VALUE = 1024;

    private final TemplateRepository templates = new TemplateRepository();

    /**
     * @throws ApiException 404 for a template the organisation does not have, 409 for one Meta has not
     *                      approved, 400 naming each missing or surplus value
     */
    public Prepared prepare(Tx tx, UUID organisationId, Request request) {
        new Fields()
                .check(request.id() != null || (request.name() != null && request.language() != null),
                        "template needs its id, or its name and language")
                .validate();
        Template template = (request.id() != null
                ? templates.find(tx, organisationId, request.id())
                : templates.findByName(tx, organisationId, request.name().strip(), request.language().strip()))
                .orElseThrow(() -> ApiException.notFound("Template"));
        if (!Template.APPROVED.equals(template.status())) {
            throw ApiException.conflict("Only an APPROVED template can be sent; " + template.name() + " is "
                    + template.status());
        }
        TemplateComponents components = template.components();
        Parameters values = request.parameters() == null ? new Parameters(null, null, null) : request.parameters();
        List<Integer> urlButtons = components.dynamicUrlButtons();
        Fields fields = new Fields();
        count(fields, "header", values.header(), components.headerVariables());
        count(fields, "body", values.body(), components.bodyVariables());
        count(fields, "buttons", values.buttons(), urlButtons.size());
        fields.validate();
        List<TemplateMessage.ButtonValue> buttons = new ArrayList<>();
        for (int i = 0; i < urlButtons.size(); i++) {
            buttons.add(new TemplateMessage.ButtonValue(TemplateMessage.ButtonType.URL, urlButtons.get(i),
                    values.buttons().get(i)));
        }
        TemplateMessage message = new TemplateMessage(template.name(), template.language(), values.header(),
                values.body(), buttons);
        return new Prepared(message, components.render(values.header(), values.body()));
    }

    private static void count(Fields fields, String part, List<String> given, int expected) {
        String name = "template.parameters." + part;
        fields.check(given.size() == expected, name + " needs " + expected + " value(s)"
                + (part.equals("buttons") ? ", one per URL button ending in {{1}}"
                : " for " + TemplateComponents.range(expected)) + "; " + given.size() + " given");
        for (int i = 0; i < given.size(); i++) {
            String value = given.get(i);
            fields.check(value != null && !value.isBlank(), name + "[" + i + "] must not be empty")
                    .maxLength(name + "[" + i + "]", value, MAX_VALUE);
        }
    }
}
