package dev.funnel.console.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.List;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/**
 * Loads an FXML file with controllers we built ourselves (each View gets its ViewModel through
 * its constructor). Nested {@code fx:include}s are served from the same list of controllers.
 */
public final class Fxml {

    private Fxml() {
    }

    public static Parent load(Class<?> owner, String fileName, Object... controllers) {
        URL location = owner.getResource(fileName);
        if (location == null) {
            throw new IllegalStateException("Missing FXML " + fileName + " next to " + owner.getName());
        }
        List<Object> available = List.of(controllers);
        FXMLLoader loader = new FXMLLoader(location);
        loader.setControllerFactory(type -> available.stream()
                .filter(type::isInstance)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(fileName + " asks for a controller "
                        + type.getName() + " that was not provided")));
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load " + location, e);
        }
    }
}
