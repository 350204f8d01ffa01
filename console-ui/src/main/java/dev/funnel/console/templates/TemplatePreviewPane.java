package dev.funnel.console.templates;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * Draws a {@link TemplatePreview} the way WhatsApp shows a template message: a bubble with the bold
 * header, the body and the grey footer, and one row per button under it. Used in FXML as a control.
 */
public final class TemplatePreviewPane extends VBox {

    private final ObjectProperty<TemplatePreview> preview = new SimpleObjectProperty<>(TemplatePreview.EMPTY);
    private final Label header = label("preview-header");
    private final Label body = label("preview-body");
    private final Label footer = label("preview-footer");
    private final VBox bubble = new VBox(4, header, body, footer);
    private final VBox buttons = new VBox(2);

    public TemplatePreviewPane() {
        super(2);
        getStyleClass().add("template-preview");
        bubble.getStyleClass().addAll("bubble", "bubble-lead"); // the chat's own bubble, as the lead sees it
        buttons.getStyleClass().add("preview-buttons");
        getChildren().addAll(bubble, buttons);
        preview.subscribe(this::show);
    }

    private void show(TemplatePreview shown) {
        TemplatePreview p = shown == null ? TemplatePreview.EMPTY : shown;
        set(header, p.header());
        set(body, p.body().isEmpty() ? "The message appears here as you write it." : p.body());
        set(footer, p.footer());
        buttons.getChildren().setAll(p.buttons().stream().map(text -> {
            Label button = label("preview-button");
            button.setText(text);
            button.setMaxWidth(Double.MAX_VALUE);
            return button;
        }).toList());
    }

    private static void set(Label label, String text) {
        label.setText(text);
        label.setVisible(!text.isEmpty());
        label.setManaged(!text.isEmpty());
    }

    private static Label label(String styleClass) {
        Label label = new Label();
        label.getStyleClass().add(styleClass);
        label.setWrapText(true);
        return label;
    }

    public ObjectProperty<TemplatePreview> previewProperty() {
        return preview;
    }
}
