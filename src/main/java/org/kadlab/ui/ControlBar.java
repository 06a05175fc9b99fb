package org.kadlab.ui;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The controls: network (add N, kill selected, revive all, reset), find_node (target field,
 * random, find, inline error), time (play/pause, step, speed) and the theme switch. Each handler
 * is a one-line call into the {@link NetworkViewModel}.
 */
public final class ControlBar extends VBox {
    private final Spinner<Integer> addCount = new Spinner<>(1, 500, 8);
    private final TextField target = new TextField();
    private final Label error = new Label();
    private final ToggleButton play = new ToggleButton();
    private final ToggleButton theme = new ToggleButton("Light theme");

    public ControlBar(NetworkViewModel vm, Runnable toggleTheme) {
        getStyleClass().add("control-bar");
        Button add = button("Add nodes", "add-button", "Add the chosen number of nodes; each joins through a random live node (Ctrl+N)");
        add.setOnAction(e -> vm.addNodes(addCount.getValue()));
        addCount.setEditable(true);
        addCount.setPrefWidth(76);
        addCount.setId("add-count");
        addCount.setTooltip(new Tooltip("How many nodes to add"));
        Button kill = button("Kill selected", "kill-button", "Crash the selected node: it stops answering but keeps its state (Delete)");
        kill.setOnAction(e -> vm.killSelected());
        Button revive = button("Revive all", "revive-button", "Bring every crashed node back with its old routing table (Ctrl+R)");
        revive.setOnAction(e -> vm.reviveAll());
        Button reset = button("Reset", "reset-button", "Build the starting network again");
        reset.setOnAction(e -> vm.reset());

        target.setId("target-field");
        target.setPromptText("target: hex 7f00 or 0b0111\u2026");
        target.setPrefColumnCount(12);
        target.textProperty().bindBidirectional(vm.targetTextProperty());
        target.setTooltip(new Tooltip("The id to look up: hex (7f00, 0x7f00) or binary (0b0111_1111_0000_0000). Enter runs find_node."));
        target.setOnAction(e -> vm.findNode());
        Button random = button("Random", "random-button", "Fill in a random target id");
        random.setOnAction(e -> vm.randomTarget());
        Button find = button("Find node", "find-button", "Run find_node from the selected node to the target (Enter)");
        find.setOnAction(e -> vm.findNode());
        find.setDefaultButton(false);

        play.setId("play-button");
        play.selectedProperty().bindBidirectional(vm.playingProperty());
        play.textProperty().bind(Bindings.when(vm.playingProperty()).then("Pause").otherwise("Play"));
        play.setTooltip(new Tooltip("Play or pause the simulation clock (Space)"));
        play.setFocusTraversable(false);
        Button step = button("Step", "step-button", "Pause and run exactly one simulation event (Right arrow)");
        step.setOnAction(e -> vm.stepOnce());
        Slider speed = new Slider(Math.log10(NetworkViewModel.MIN_SPEED), Math.log10(NetworkViewModel.MAX_SPEED),
                Math.log10(vm.speedProperty().get()));
        speed.setId("speed-slider");
        speed.setPrefWidth(120);
        speed.setTooltip(new Tooltip("Speed: virtual milliseconds per real second (logarithmic)"));
        speed.valueProperty().addListener((o, a, b) -> vm.speedProperty().set(Math.pow(10, b.doubleValue())));
        Label speedLabel = new Label();
        speedLabel.getStyleClass().add("speed-label");
        speedLabel.setMinWidth(80);
        speedLabel.textProperty().bind(Bindings.createStringBinding(
                () -> String.format(Locale.ROOT, "%.0f ms/s", vm.speedProperty().get()), vm.speedProperty()));
        theme.setId("theme-button");
        theme.setTooltip(new Tooltip("Switch between the dark and the light theme (Ctrl+T)"));
        theme.setOnAction(e -> toggleTheme.run());
        theme.setFocusTraversable(false);

        Label status = new Label();
        status.setId("status-label");
        status.getStyleClass().add("status-label");
        status.textProperty().bind(Bindings.createStringBinding(
                () -> vm.nodeCountProperty().get() + " nodes \u00b7 " + vm.liveCountProperty().get() + " live \u00b7 t = "
                        + vm.displayTimeProperty().get() + " ms",
                vm.nodeCountProperty(), vm.liveCountProperty(), vm.displayTimeProperty()));

        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        Label network = section("Network");
        Label time = section("Time");
        HBox row = new HBox(6, network, addCount, add, kill, revive, reset, gap(),
                time, play, step, speed, speedLabel, spring, status, theme);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("control-row");
        Label lookup = section("Lookup");
        target.setPrefColumnCount(22);
        HBox row2 = new HBox(6, lookup, target, random, find, error);
        row2.setAlignment(Pos.CENTER_LEFT);
        row2.getStyleClass().add("control-row");
        for (HBox r : java.util.List.of(row, row2)) {
            for (var n : r.getChildren()) {
                if (n instanceof Region reg && n != spring && n != error) {
                    reg.setMinWidth(Region.USE_PREF_SIZE);
                }
            }
        }

        error.setId("target-error");
        error.getStyleClass().add("error-label");
        error.textProperty().bind(vm.targetErrorProperty());
        error.visibleProperty().bind(vm.targetErrorProperty().isNotEmpty());
        error.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(error, Priority.ALWAYS);
        getChildren().addAll(row, row2);
    }

    /** Puts the keyboard focus in the target field. */
    public void focusTarget() {
        target.requestFocus();
    }

    /** How many nodes Add adds. */
    public int addCount() {
        return addCount.getValue();
    }

    /** Shows which theme the button switches to. */
    public void themeIsLight(boolean light) {
        theme.setText(light ? "Dark theme" : "Light theme");
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-label");
        return l;
    }

    private static Region gap() {
        Region r = new Region();
        r.setMinWidth(14);
        return r;
    }

    private static Button button(String text, String id, String tip) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setFocusTraversable(false);
        return b;
    }
}
