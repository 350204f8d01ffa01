package dev.funnel.console.common;

import java.util.function.Function;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.VBox;

/** A list row of a title above a text that wraps to the list's width, e.g. a knowledge passage and where it comes from. */
public final class TitledTextCell<T> extends ListCell<T> {

    private final Function<T, String> title;
    private final Function<T, String> text;
    private final String titleStyle;

    public TitledTextCell(Function<T, String> title, Function<T, String> text, String titleStyle) {
        this.title = title;
        this.text = text;
        this.titleStyle = titleStyle;
    }

    @Override
    protected void updateItem(T item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null) {
            setGraphic(null);
            return;
        }
        Label heading = new Label(title.apply(item));
        heading.getStyleClass().add(titleStyle);
        Label body = new Label(text.apply(item));
        body.setWrapText(true);
        VBox box = new VBox(3, heading, body);
        box.setMaxWidth(getListView().getWidth() - 30);
        setGraphic(box);
    }
}
