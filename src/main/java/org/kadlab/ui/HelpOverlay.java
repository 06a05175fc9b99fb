package org.kadlab.ui;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * A layer over the window listing every keyboard shortcut; F1 or '?' shows and hides it, Escape or
 * a click hides it.
 */
public final class HelpOverlay extends StackPane {
    /** Every shortcut of the window: keys, then what they do. */
    public static final List<String[]> SHORTCUTS = List.of(
            new String[] {"Space", "Play or pause the simulation clock"},
            new String[] {"Right", "Step: run exactly one simulation event"},
            new String[] {"Shift+Right", "Step one lookup round (sliding: until alpha more answers or timeouts)"},
            new String[] {"Delete", "Kill the selected node"},
            new String[] {"Ctrl+N", "Add nodes (as many as the spinner says)"},
            new String[] {"Ctrl+R", "Revive every crashed node"},
            new String[] {"Ctrl+L", "Type a target id (Enter runs find_node)"},
            new String[] {"Ctrl+K", "Type a key (Enter runs find_value)"},
            new String[] {"Ctrl+T", "Switch between the dark and the light theme"},
            new String[] {"Ctrl+P", "Presentation mode: larger fonts for a projector"},
            new String[] {"Ctrl+Comma", "Show or hide the network settings"},
            new String[] {"Ctrl+S", "Save the scenario that rebuilds this network"},
            new String[] {"Ctrl+O", "Open a scenario and run it"},
            new String[] {"Ctrl+E", "Export the window as PNG"},
            new String[] {"Ctrl+Shift+E", "Export the current view (the open tab) as PNG"},
            new String[] {"F1 or ?", "Show or hide this help"},
            new String[] {"Escape", "Close this help; leave a text field"});

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
        for (String[] s : SHORTCUTS) {
            Label key = new Label(s[0]);
            key.getStyleClass().add("help-key");
            Label what = new Label(s[1]);
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
