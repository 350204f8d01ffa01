package dev.funnel.console.templates;

import dev.funnel.console.backend.Template;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** A template in the list: name, language and category, Meta's status as a coloured pill, and why it was rejected. */
final class TemplateCell extends ListCell<Template> {

    private final Label name = new Label();
    private final Label status = new Label();
    private final Label details = new Label();
    private final Label reason = new Label();
    private final VBox content;

    TemplateCell() {
        name.getStyleClass().add("template-name");
        status.getStyleClass().add("template-status");
        details.getStyleClass().add("hint-text");
        reason.getStyleClass().add("error-text");
        reason.setWrapText(true);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        content = new VBox(2, new HBox(8, name, gap, status), details, reason);
        setPrefWidth(0);
    }

    @Override
    protected void updateItem(Template template, boolean empty) {
        super.updateItem(template, empty);
        if (empty || template == null) {
            setGraphic(null);
            return;
        }
        name.setText(template.name());
        String state = template.status() == null ? "" : template.status();
        status.setText(state);
        status.getStyleClass().removeIf(c -> c.startsWith("status-"));
        status.getStyleClass().add("status-" + state.toLowerCase());
        details.setText(template.language() + " · " + template.category());
        boolean hasReason = template.statusReason() != null && !template.statusReason().isBlank()
                && !Template.APPROVED.equals(state);
        reason.setText(hasReason ? template.statusReason() : "");
        reason.setVisible(hasReason);
        reason.setManaged(hasReason);
        setGraphic(content);
    }
}
