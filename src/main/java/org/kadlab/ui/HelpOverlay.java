package org.kadlab.ui;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * A layer over the window listing every keyboard shortcut of {@link Shortcuts}, one row each; F1 or
 * '?' shows and hides it, Escape or a click hides it.
 */
public final class HelpOverlay extends StackPane {
    public HelpOverlay() {
        getStyleClass().add("help-overlay");
        setId("help-overlay");
        Label title = new Label("Keyboard shortcuts");
        title.getStyleClass().add("help-title");
        GridPane grid = new GridPane();
        grid.getStyleClass().add("help-grid");
        grid.setHgap(18);
        grid.setVgap(6);
        int row = 0;
        for (Shortcuts s : Shortcuts.values()) {
            Label key = new Label(s.keys());
            key.getStyleClass().add("help-key");
            Label what = new Label(s.help());
            what.getStyleClass().add("help-text");
            grid.addRow(row++, key, what);
        }
        Label hint = new Label("Hover over any control for what it does. Press F1, ? or Escape to close.");
        hint.getStyleClass().add("help-hint");
        VBox card = new VBox(12, title, grid, hint);
        card.getStyleClass().add("help-card");
        card.setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        setAlignment(Pos.CENTER);
        getChildren().add(card);
        setVisible(false);
        setOnMouseClicked(e -> setVisible(false));
    }

    /** Shows the help if hidden, hides it if shown. */
    public void toggle() {
        setVisible(!isVisible());
    }
}
