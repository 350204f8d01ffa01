package dev.funnel.console.templates;

import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.console.backend.FakeBackendClient;
import dev.funnel.console.backend.Message;
import dev.funnel.console.backend.OutgoingTemplateMessage;
import dev.funnel.console.backend.Template;
import dev.funnel.console.backend.TemplateDraft;
import dev.funnel.console.backend.TemplateValues;
import dev.funnel.console.backend.TestData;
import dev.funnel.console.common.CurrentThreadTaskExecutor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TemplatePickerViewModelTest {

    private final FakeBackendClient backend = new FakeBackendClient();
    private final List<Message> sent = new ArrayList<>();
    private final TemplatePickerViewModel picker = new TemplatePickerViewModel(backend, new CurrentThreadTaskExecutor(),
            sent::add);

    @Test
    void onlyApprovedTemplatesAreOffered() {
        backend.templates.add(TestData.approvedTemplate("t1"));
        backend.templates.add(TestData.template("t2", new TemplateDraft("draft_one", "en", "MARKETING", List.of()),
                Template.PENDING, "meta-2"));

        picker.offerFor("c1");

        assertThat(picker.offeredProperty().get()).isTrue();
        assertThat(picker.approvedTemplates()).extracting(Template::id).containsExactly("t1");
    }

    @Test
    void oneInputPerParameterOfTheChosenTemplate() {
        backend.templates.add(TestData.approvedTemplate("t1"));
        picker.offerFor("c1");

        picker.chosenProperty().set(picker.approvedTemplates().getFirst());

        assertThat(picker.values()).extracting(TemplateVariable::label)
                .containsExactly("Header {{1}}", "{{1}}", "{{2}}", "Link 1 {{1}}");
    }

    @Test
    void previewFillsTheTypedValues() {
        backend.templates.add(TestData.approvedTemplate("t1"));
        picker.offerFor("c1");
        picker.chosenProperty().set(picker.approvedTemplates().getFirst());

        fill("A-17", "Ana", "tomorrow", "A-17");

        assertThat(picker.previewProperty().get().header()).isEqualTo("Order A-17");
        assertThat(picker.previewProperty().get().body()).isEqualTo("Hi Ana, your order ships tomorrow.");
        assertThat(picker.previewProperty().get().buttons()).containsExactly("↗ Track it");
    }

    @Test
    void sendingNeedsEveryValue() {
        backend.templates.add(TestData.approvedTemplate("t1"));
        picker.offerFor("c1");
        picker.chosenProperty().set(picker.approvedTemplates().getFirst());
        fill("A-17", "Ana", "", "A-17");

        assertThat(picker.canSendProperty().get()).isFalse();
        picker.send();

        assertThat(backend.calls).doesNotContain("sendTemplate");
    }

    @Test
    void sendPostsTheTemplateWithItsValuesByPart() {
        backend.templates.add(TestData.approvedTemplate("t1"));
        picker.offerFor("c1");
        picker.chosenProperty().set(picker.approvedTemplates().getFirst());
        fill("A-17", "Ana", "tomorrow", "A-17");

        picker.send();

        assertThat(backend.requests).contains(new OutgoingTemplateMessage("c1", "t1",
                new TemplateValues(List.of("A-17"), List.of("Ana", "tomorrow"), List.of("A-17"))));
        assertThat(sent).extracting(Message::messageType).containsExactly("template");
        assertThat(picker.values()).allMatch(v -> v.value().isEmpty());
    }

    @Test
    void withNoApprovedTemplateItSaysWhatToDo() {
        picker.offerFor("c1");

        assertThat(picker.hintProperty().get()).startsWith("No approved template yet");
    }

    @Test
    void withdrawingTheOfferHidesIt() {
        picker.offerFor("c1");

        picker.offerFor(null);

        assertThat(picker.offeredProperty().get()).isFalse();
    }

    private void fill(String... values) {
        for (int i = 0; i < values.length; i++) {
            picker.values().get(i).valueProperty().set(values[i]);
        }
    }
}
