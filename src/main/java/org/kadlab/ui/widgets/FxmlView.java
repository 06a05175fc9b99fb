package org.kadlab.ui.widgets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import javafx.fxml.FXMLLoader;

/**
 * Loads a view's layout from the FXML file beside its class (View.fxml for View.java), with the
 * view itself as the layout's root ({@code fx:root}) and as its controller, so a view is built with
 * {@code new View(viewModel)} like any control (JabRef's View + FXML pairs).
 */
public final class FxmlView {
    private FxmlView() {
    }

    /** Loads {@code view}'s FXML into it; a missing or broken file is a build error, reported with its name. */
    public static void load(Object view) {
        String name = view.getClass().getSimpleName() + ".fxml";
        URL url = view.getClass().getResource(name);
        if (url == null) {
            throw new IllegalStateException("the layout " + name + " is missing beside " + view.getClass().getName());
        }
        FXMLLoader loader = new FXMLLoader(url);
        loader.setRoot(view);
        loader.setController(view);
        try {
            loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("the layout " + name + " cannot be read", e);
        }
    }
}
