package dev.funnel.console.common;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import javafx.scene.control.Labeled;

/** The two bindings every View repeats: a message that takes no space when empty, and a node shown on a condition. */
public final class Binds {

    private Binds() {
    }

    public static void message(Labeled label, ObservableStringValue text) {
        label.textProperty().bind(text);
        shown(label, Bindings.createBooleanBinding(() -> text.get() != null && !text.get().isEmpty(), text));
    }

    /** Hidden nodes also give up their layout space. */
    public static void shown(Node node, ObservableBooleanValue condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(condition);
    }
}
