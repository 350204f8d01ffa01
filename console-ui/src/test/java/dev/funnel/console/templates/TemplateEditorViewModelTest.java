package dev.funnel.console.templates;

import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.console.backend.BackendException;
import dev.funnel.console.backend.TemplateButton;
import dev.funnel.console.backend.TemplateComponent;
import dev.funnel.console.backend.TemplateDraft;
import dev.funnel.console.backend.TestData;
import dev.funnel.console.templates.TemplateEditorViewModel.Field;
import java.util.List;
import org.junit.jupiter.api.Test;

class TemplateEditorViewModelTest {

    private final TemplateEditorViewModel editor = new TemplateEditorViewModel();

    private void writeValidOffer() {
        editor.nameProperty().set("spring_offer");
        editor.headerProperty().set("Hello {{1}}");
        editor.headerExampleProperty().set("Ana");
        editor.bodyProperty().set("Your panels cost {{1}} until {{2}}.");
        editor.bodyExamples().get(0).valueProperty().set("4,990 EUR");
        editor.bodyExamples().get(1).valueProperty().set("31 May");
        editor.footerProperty().set("Acme Solar");
    }

    @Test
    void previewShowsTheMessageWithTheExampleValues() {
        writeValidOffer();
        editor.addButton();
        editor.buttons().getFirst().textProperty().set("Call me");

        TemplatePreview preview = editor.previewProperty().get();

        assertThat(preview.header()).isEqualTo("Hello Ana");
        assertThat(preview.body()).isEqualTo("Your panels cost 4,990 EUR until 31 May.");
        assertThat(preview.footer()).isEqualTo("Acme Solar");
        assertThat(preview.buttons()).containsExactly("↩ Call me");
    }

    @Test
    void aVariableWithoutAnExampleStaysVisibleInThePreview() {
        editor.bodyProperty().set("Hi {{1}}, see you {{2}}");
        editor.bodyExamples().getFirst().valueProperty().set("Ben");

        assertThat(editor.previewProperty().get().body()).isEqualTo("Hi Ben, see you {{2}}");
    }

    @Test
    void oneExampleInputPerBodyVariableKeepingWhatWasTyped() {
        editor.bodyProperty().set("Hi {{1}}");
        editor.bodyExamples().getFirst().valueProperty().set("Ana");

        editor.bodyProperty().set("Hi {{1}}, your code is {{2}}, valid {{3}}");

        assertThat(editor.bodyExamples()).extracting(TemplateVariable::label).containsExactly("{{1}}", "{{2}}", "{{3}}");
        assertThat(editor.bodyExamples().getFirst().value()).isEqualTo("Ana");
    }

    @Test
    void validationNamesEachFieldMetaWouldRefuse() {
        editor.nameProperty().set("Spring Offer");
        editor.headerProperty().set("Hi {{1}}");
        editor.bodyProperty().set("Price {{1}} and {{3}}");
        editor.footerProperty().set("Reply {{1}}");

        boolean valid = editor.validate();

        assertThat(valid).isFalse();
        assertThat(editor.errorProperty(Field.NAME).get()).contains("lowercase letters");
        assertThat(editor.errorProperty(Field.HEADER_EXAMPLE).get()).contains("example");
        assertThat(editor.errorProperty(Field.BODY).get()).contains("without gaps");
        assertThat(editor.errorProperty(Field.BODY_EXAMPLES).get()).contains("every variable");
        assertThat(editor.errorProperty(Field.FOOTER).get()).contains("cannot have variables");
        assertThat(editor.errorProperty(Field.LANGUAGE).get()).isEmpty();
    }

    @Test
    void aUrlButtonEndingInAVariableNeedsAnExample() {
        writeValidOffer();
        editor.addButton();
        ButtonDraft link = editor.buttons().getFirst();
        link.typeProperty().set(TemplateButton.URL);
        link.textProperty().set("See the offer");
        link.targetProperty().set("https://acme.example/offer/{{1}}");

        assertThat(editor.validate()).isFalse();
        assertThat(link.errorProperty().get()).contains("example address");

        link.exampleProperty().set("https://acme.example/offer/spring");
        assertThat(editor.validate()).isTrue();
    }

    @Test
    void theDraftIsInMetasShapeWithTheExamples() {
        writeValidOffer();
        editor.addButton();
        editor.buttons().getFirst().typeProperty().set(TemplateButton.PHONE_NUMBER);
        editor.buttons().getFirst().textProperty().set("Call us");
        editor.buttons().getFirst().targetProperty().set("+15550001234");

        TemplateDraft draft = editor.draft();

        assertThat(draft.name()).isEqualTo("spring_offer");
        assertThat(draft.language()).isEqualTo("en_US");
        assertThat(draft.category()).isEqualTo("MARKETING");
        assertThat(draft.components()).containsExactly(
                TemplateComponent.header("Hello {{1}}", List.of("Ana")),
                TemplateComponent.body("Your panels cost {{1}} until {{2}}.", List.of("4,990 EUR", "31 May")),
                TemplateComponent.footer("Acme Solar"),
                TemplateComponent.buttons(List.of(new TemplateButton("PHONE_NUMBER", "Call us", null, "+15550001234", null))));
    }

    @Test
    void theServersFieldErrorsGoNextToTheirFields() {
        writeValidOffer();
        editor.addButton();
        editor.addButton();

        editor.showServerErrors(new BackendException(400, "name must use only lowercase letters; "
                + "components[BODY].example.body_text must be one list of 2 example value(s); "
                + "components[BUTTONS].buttons[1].text is required; something else went wrong",
                List.of("name", "components[BODY].example.body_text", "components[BUTTONS].buttons[1].text")));

        assertThat(editor.errorProperty(Field.NAME).get()).isEqualTo("name must use only lowercase letters");
        assertThat(editor.errorProperty(Field.BODY_EXAMPLES).get()).startsWith("components[BODY].example.body_text");
        assertThat(editor.buttons().get(1).errorProperty().get()).contains("text is required");
        assertThat(editor.buttons().get(0).errorProperty().get()).isEmpty();
        assertThat(editor.formErrorProperty().get()).isEqualTo("something else went wrong");
    }

    @Test
    void aServerErrorWithoutFieldsShowsAboveTheForm() {
        editor.showServerErrors(new BackendException(400,
                "name and language cannot change once Meta has the template; create a new template instead"));

        assertThat(editor.formErrorProperty().get()).startsWith("name and language cannot change");
        assertThat(editor.errorProperty(Field.NAME).get()).isEmpty();
    }

    @Test
    void editingAStoredTemplateFillsTheForm() {
        editor.edit(TestData.approvedTemplate("t1"));

        assertThat(editor.nameProperty().get()).isEqualTo("order_update");
        assertThat(editor.headerExampleProperty().get()).isEqualTo("A-17");
        assertThat(editor.bodyExamples()).extracting(TemplateVariable::value).containsExactly("Ana", "today");
        assertThat(editor.buttons().getFirst().exampleProperty().get()).isEqualTo("https://acme.example/track/A-17");
        assertThat(editor.editableProperty().get()).isFalse();
    }
}
