package dev.funnel.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.console.backend.Credentials;
import dev.funnel.console.backend.HttpBackendClient;
import dev.funnel.console.backend.Template;
import dev.funnel.console.backend.TemplateButton;
import dev.funnel.console.backend.WhatsAppSettingsUpdate;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Template create and submit in the real window, against a real embedded backend whose WhatsApp is
 * connected to a Graph API stand-in on loopback: the form's live preview, then Meta's PENDING.
 */
class TemplatesJourneyIT extends ConsoleJourney {

    @BeforeAll
    static void connectWhatsApp() {
        HttpBackendClient admin = HttpBackendClient.create(backend.baseUri());
        admin.login(new Credentials(EMAIL, PASSWORD));
        admin.saveWhatsAppSettings(new WhatsAppSettingsUpdate("106540352242922", "EAAG-journey-token",
                "2029000000001", ""));
    }

    @Test
    void operatorWritesATemplateWithALivePreviewAndSubmitsItToMeta() {
        signIn();

        robot.clickOn("#templatesButton");
        waitUntil(() -> robot.lookup("#templateName").tryQuery().isPresent());
        fill("#templateName", "spring_offer");
        fill("#templateHeader", "Spring offer for {{1}}");
        fill("#templateHeaderExample", "Ana");
        fill("#templateBody", "Hi {{1}}, our panels are {{2}} off until Sunday.");
        fillExample(0, "Ana");
        fillExample(1, "15%");
        fill("#templateFooter", "Acme Solar · reply STOP to opt out");
        robot.clickOn("#addTemplateButtonButton");
        fillButton(TemplateButton.QUICK_REPLY, "Book a visit", "");
        robot.clickOn("#addTemplateButtonButton");
        fillButton(TemplateButton.URL, "See the offer", "https://templates.example/offer");

        assertThat(previewText("preview-header")).isEqualTo("Spring offer for Ana");
        assertThat(previewText("preview-body")).isEqualTo("Hi Ana, our panels are 15% off until Sunday.");

        robot.clickOn("#submitTemplateButton");
        waitUntil(() -> templateList().getItems().stream()
                .anyMatch(t -> "spring_offer".equals(t.name()) && Template.PENDING.equals(t.status())));

        assertThat(robot.lookup("#templateStatus").queryLabeled().getText()).startsWith("Pending");
        assertThat(graph.calls()).anyMatch(call -> call.path().endsWith("/2029000000001/message_templates")
                && call.body().contains("\"name\":\"spring_offer\"") && call.body().contains("15%"));
        screenshot("#templatesScreen", "templates.png");
    }

    private void fillExample(int index, String text) {
        waitUntil(() -> robot.lookup("#bodyExampleRows .variable-value").queryAll().size() > index);
        TextField field = (TextField) robot.lookup("#bodyExampleRows .variable-value").queryAll().toArray(Node[]::new)[index];
        robot.interact(() -> field.setText(text));
    }

    /** Fills the last button row: its type, label and web address. */
    @SuppressWarnings("unchecked")
    private void fillButton(String type, String label, String url) {
        Node[] types = robot.lookup("#buttonRows .button-type").queryAll().toArray(Node[]::new);
        Node[] texts = robot.lookup("#buttonRows .button-text").queryAll().toArray(Node[]::new);
        Node[] targets = robot.lookup("#buttonRows .button-target").queryAll().toArray(Node[]::new);
        robot.interact(() -> {
            ((ComboBox<String>) types[types.length - 1]).setValue(type);
            ((TextField) texts[texts.length - 1]).setText(label);
            ((TextField) targets[targets.length - 1]).setText(url);
        });
    }

    private String previewText(String styleClass) {
        return robot.lookup("#templatePreview ." + styleClass).queryAs(Label.class).getText();
    }

    private ListView<Template> templateList() {
        return robot.lookup("#templateList").queryListView();
    }
}
